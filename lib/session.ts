import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { auth } from './auth';

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  slug: string;
  role: Role;
  trusted: boolean;
}

/**
 * The signed-in person, re-checked against the database on every request (once per render: the layout
 * and the page share it): a changed token version (role or password change, ban, deletion) or a
 * suspension ends the session at once.
 */
export const currentUser = cache(async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const [user] = await getDb().select().from(users).where(eq(users.id, id));
  if (!user) return null;
  if (session?.tokenVersion !== user.tokenVersion) return null;
  if (user.status === 'banned') return null;
  if (user.status === 'suspended' && (!user.suspendedUntil || user.suspendedUntil > new Date())) return null;
  return { id: user.id, name: user.name, email: user.email, slug: user.slug, role: user.role, trusted: user.trusted };
});

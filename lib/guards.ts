import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { atLeast } from './permissions';
import { currentUser, type CurrentUser } from './session';

/** For pages: the signed-in person with at least `role`; others go to sign in, or get a 403. */
export async function requireRole(role: Role, from: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(from)}`);
  if (!atLeast(user.role, role)) forbidden();
  return user;
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(raw: unknown, fallback = '/'): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return fallback;
  return raw.slice(0, 500);
}

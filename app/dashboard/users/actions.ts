'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { action, type FormState } from '@/lib/action';
import { generatePassword } from '@/lib/passwords';
import { banUser, changeRole, createUser, newUserSchema, passwordSchema, resetPassword, roleSchema, unbanUser } from '@/lib/users';

// Ids are PostgreSQL integers: a larger (forged) one is refused here instead of failing the query.
const id = z.coerce.number().int().positive('Choose a person.').max(2_147_483_647, 'Choose a person.');
/** An empty password field means "generate one". */
const optionalPassword = z.union([z.literal(''), passwordSchema]).optional();
const dashboard = (user: { id: number }) => ({ actor: { id: user.id, via: 'dashboard' as const } });

const whenFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export type PasswordResult = FormState<{ password: string }>;

export const createPerson = action(
  { role: 'admin', input: newUserSchema.extend({ password: optionalPassword }) },
  async ({ user, input }): Promise<PasswordResult> => {
    const password = input.password || generatePassword();
    const created = await createUser({ ...input, password }, dashboard(user));
    refresh();
    const who = `${created.name} (${created.email})`;
    return input.password
      ? { status: 'ok', message: `Account created for ${who} as ${created.role}.` }
      : { status: 'ok', message: `Account created for ${who} as ${created.role}. Give them this password; it is shown only once.`, data: { password } };
  },
);

export const changePersonRole = action({ role: 'admin', input: z.object({ id, role: roleSchema }) }, async ({ user, input }) => {
  const { user: changed, previousRole } = await changeRole({ user: { id: input.id }, role: input.role }, dashboard(user));
  refresh();
  return {
    status: 'ok',
    message: previousRole === changed.role ? `${changed.name} is still ${changed.role}.` : `${changed.name} is now ${changed.role}. They were signed out and sign in again.`,
  };
});

export const suspendPerson = action(
  { role: 'admin', input: z.object({ id, days: z.enum(['1', '7', '30'], { error: 'Choose how long the suspension lasts.' }) }) },
  async ({ user, input }) => {
    const suspended = await banUser({ user: { id: input.id }, days: Number(input.days) }, dashboard(user));
    refresh();
    return { status: 'ok', message: `${suspended.name} is suspended until ${whenFormat.format(suspended.suspendedUntil!)} UTC and was signed out.` };
  },
);

export const banPerson = action({ role: 'admin', input: z.object({ id }) }, async ({ user, input }) => {
  const banned = await banUser({ user: { id: input.id } }, dashboard(user));
  refresh();
  return { status: 'ok', message: `${banned.name} is banned and was signed out.` };
});

export const liftSuspension = action({ role: 'admin', input: z.object({ id }) }, async ({ user, input }) => {
  const lifted = await unbanUser({ user: { id: input.id } }, dashboard(user));
  refresh();
  return { status: 'ok', message: `${lifted.name} can sign in again.` };
});

export const resetPersonPassword = action(
  { role: 'admin', input: z.object({ id, password: optionalPassword }) },
  async ({ user, input }): Promise<PasswordResult> => {
    const result = await resetPassword({ user: { id: input.id }, password: input.password || undefined }, dashboard(user));
    refresh();
    return result.generated
      ? { status: 'ok', message: `${result.user.name} has a new password and was signed out. Give them this password; it is shown only once.`, data: { password: result.password } }
      : { status: 'ok', message: `${result.user.name}’s password is changed and they were signed out.` };
  },
);

import 'server-only';
import { headers } from 'next/headers';
import { redirect, unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Role } from '@/db/schema';
import { UserError } from './errors';
import { keepFlash } from './flash';
import { atLeast } from './permissions';
import { currentUser, type CurrentUser } from './session';

/** What every form shows after a submit: nothing yet, success, or an error with what was typed. */
export type FormState<T = undefined> =
  | { status: 'idle' }
  | { status: 'ok'; message?: string; data?: T }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string>; values?: Record<string, string>; code?: string; detail?: unknown };

export const idle: FormState<never> = { status: 'idle' };

type Input = FormData | Record<string, unknown>;

/** A hidden field naming the form (and its element id): a refused no-JS submission comes back to it. */
export const FORM_FIELD = '_form';

/** Form fields as an object; repeated names (checkbox groups, multi-selects) become arrays. */
export function formObject(input: Input): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const object: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith('$ACTION') || key === FORM_FIELD) continue;
    // PostgreSQL text cannot hold NUL, and no keyboard types it: drop it rather than fail the query.
    const all = input.getAll(key).map((value) => (typeof value === 'string' ? value.replaceAll('\u0000', '') : value));
    object[key] = all.length > 1 || key.endsWith('[]') ? all : all[0];
  }
  return object;
}

function typedValues(object: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string' && !/password/i.test(key)) values[key] = value.slice(0, 100_000);
  }
  return values;
}

/** The page the form was on (path and query, from the Referer), or the front page. */
async function backPath(): Promise<string> {
  const referer = (await headers()).get('referer');
  try {
    if (referer) {
      const url = new URL(referer);
      return `${url.pathname}${url.search}`;
    }
  } catch {
    // keep the front page
  }
  return '/';
}

async function signInPath(): Promise<string> {
  return `/login?next=${encodeURIComponent(await backPath())}`;
}

/**
 * Every mutation goes through here: (1) who is signed in, (2) may their role do this, (3) is the input
 * valid — then the work, whose UserErrors become form errors that keep what was typed. Object-level
 * rules (whose story is it?) are checked inside `run`, against the database.
 */
export function action<S extends z.ZodType, T = undefined>(
  options: { role: Role; input: S },
  run: (context: { user: CurrentUser; input: z.infer<S> }) => Promise<FormState<T> | void>,
) {
  const attempt = async (object: Record<string, unknown>, values: Record<string, string>): Promise<FormState<T>> => {
    try {
      const user = await currentUser();
      if (!user) redirect(await signInPath());
      if (!atLeast(user.role, options.role)) return { status: 'error', message: 'You do not have permission to do that.', values };
      const parsed = options.input.safeParse(object);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= issue.message;
        return { status: 'error', message: Object.values(fieldErrors)[0] ?? 'Please check the form.', fieldErrors, values };
      }
      return (await run({ user, input: parsed.data })) ?? { status: 'ok' };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UserError) return { status: 'error', message: error.message, fieldErrors: error.fieldErrors, values, code: error.code, detail: error.detail };
      console.error('action failed:', error);
      return { status: 'error', message: 'Something went wrong on our side and nothing was saved. Please try again.', values };
    }
  };
  return async (_previous: FormState<T>, raw: Input): Promise<FormState<T>> => {
    const object = formObject(raw);
    return backToForm(raw, await attempt(object, typedValues(object)));
  };
}

/**
 * A form's answer. Without JavaScript (no Next-Action header) the page Next sends back would not show it:
 * a refusal, or a success with a message to read, is kept for the form named by the `_form` field
 * (lib/flash.ts) and the browser goes back to it. With JavaScript, or for a form without a name, the
 * state is returned as it is.
 */
export async function backToForm<T>(raw: Input, state: FormState<T>): Promise<FormState<T>> {
  const form = raw instanceof FormData ? raw.get(FORM_FIELD) : null;
  const worthShowing = state.status === 'error' || (state.status === 'ok' && !!state.message);
  if (worthShowing && typeof form === 'string' && /^[\w-]{1,80}$/.test(form) && !(await headers()).get('next-action')) {
    await keepFlash({ form, state });
    redirect(`${await backPath()}#${form}`);
  }
  return state;
}

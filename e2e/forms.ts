import type { APIRequestContext, APIResponse } from '@playwright/test';
import { decodeEntities } from './fixtures';

// Forms posted the way a browser without JavaScript posts them: the rendered form's hidden fields (the
// server action's id, its bound state, Next's action key) plus whatever the test types. This is how the
// throttling and bad-input specs reach server actions without clicking through a page per request.

export interface RenderedForm {
  /** Every named input, textarea and select of the form with its rendered value (hidden fields and boxes included). */
  fields: Record<string, string>;
  /** The hidden fields alone: what identifies the server action. */
  hidden: Record<string, string>;
  /** The server action's id, as the hidden fields carry it. */
  actionId: string | undefined;
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of tag.matchAll(/([^\s=<>/"]+)="([^"]*)"/g)) found[name!.toLowerCase() === 'name' ? 'name' : name!] = decodeEntities(value!);
  return found;
}

/** The server-action forms of an HTML page (forms without hidden action fields are left out). */
export function formsIn(html: string): RenderedForm[] {
  const forms: RenderedForm[] = [];
  for (const [, body] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string> = {};
    const hidden: Record<string, string> = {};
    for (const [tag] of body!.matchAll(/<(?:input|textarea|select)\b[^>]*>/g)) {
      const attrs = attributes(tag);
      if (!attrs.name) continue;
      if (attrs.type === 'hidden') hidden[attrs.name] = attrs.value ?? '';
      if (attrs.type === 'submit') continue;
      fields[attrs.name] ??= attrs.value ?? (attrs.type === 'checkbox' || attrs.type === 'radio' ? 'on' : '');
    }
    const names = Object.keys(hidden);
    if (!names.some((name) => name.startsWith('$ACTION'))) continue;
    const idField = names.find((name) => name.startsWith('$ACTION_ID_'));
    let actionId = idField?.slice('$ACTION_ID_'.length);
    const bound = names.find((name) => /^\$ACTION_\d+:0$/.test(name));
    if (!actionId && bound) actionId = (JSON.parse(hidden[bound]!) as { id?: string }).id;
    forms.push({ fields, hidden, actionId });
  }
  return forms;
}

/** The first server-action form on `url` that has every one of `names` as a field. */
export async function renderedForm(request: APIRequestContext, url: string, names: string[]): Promise<RenderedForm> {
  const response = await request.get(url);
  const html = await response.text();
  const form = formsIn(html).find((candidate) => names.every((name) => name in candidate.fields));
  if (!form) throw new Error(`no form with fields ${names.join(', ')} on ${url} (HTTP ${response.status()})`);
  return form;
}

/** Posts a form as a browser without JavaScript does: multipart, to the page it came from. */
export function postForm(
  request: APIRequestContext,
  url: string,
  form: RenderedForm,
  values: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  return request.post(url, { multipart: { ...form.hidden, ...values }, headers, maxRedirects: 0 });
}

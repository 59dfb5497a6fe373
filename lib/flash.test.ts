import { beforeEach, describe, expect, it, vi } from 'vitest';

// A cookie jar standing in for the browser between the refused POST and the page it is sent back to.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
}));

const { flashFor, keepFlash, takeFlash } = await import('./flash');

const refused = { status: 'error' as const, message: 'Write something before posting: your comment is empty.', values: { body: '  ' } };

describe('flash', () => {
  beforeEach(() => jar.clear());

  it('gives a refused no-JS submission back to its form, once', async () => {
    await keepFlash({ form: 'reply-7', state: refused });
    const flash = await takeFlash();
    expect(flash).toEqual({ form: 'reply-7', state: refused });
    expect(flashFor(flash, 'reply-7')).toEqual(refused);
    expect(flashFor(flash, 'new-comment')).toBeUndefined();
    expect(await takeFlash()).toBeNull(); // a reload shows the page as it is
  });

  it('finds nothing for a browser without the cookie or with a forged one', async () => {
    expect(await takeFlash()).toBeNull();
    await keepFlash({ form: 'new-comment', state: refused });
    jar.set('masthead-flash', 'x'.repeat(24));
    expect(await takeFlash()).toBeNull();
    jar.set('masthead-flash', '../../etc/passwd');
    expect(await takeFlash()).toBeNull();
  });
});

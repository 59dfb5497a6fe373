import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, LOGGED, loggedPath, routeConsoleTo, scrub } from './logging.mjs';

/** A logger writing into an array of parsed JSON lines. */
function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  return { logger, lines, text: () => lines.join('\n'), records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const SECRETS = ['hunter2-correct-horse', 'tok_9f8e7d6c5b4a39281706', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2In0.secret-jwt', '$argon2id$v=19$m=19456$c2FsdA$hash'];

describe('structured logs', () => {
  it('write one JSON object per line with level, time, pid and message', () => {
    const { logger, records } = capture();
    logger.info({ reqId: 'abc', method: 'GET', path: '/articles/x', status: 200, ms: 1.5 }, 'request');
    const [record] = records();
    expect(record).toMatchObject({ level: 30, pid: process.pid, reqId: 'abc', method: 'GET', path: '/articles/x', status: 200, ms: 1.5, msg: 'request' });
    expect(typeof record!.time).toBe('string');
  });

  it('never contain a password, token, cookie or authorization header, whatever the nesting', () => {
    const { logger, text, records } = capture();
    const [password, token, jwt, hash] = SECRETS as [string, string, string, string];
    const form = { email: 'ada@example.com', password, current: password };
    logger.info({ password, token, form, passwordHash: hash }, 'sign-up');
    expect(form.password).toBe(password); // the caller's object is left as it was
    logger.info({ req: { headers: { cookie: `authjs.session-token=${jwt}`, Authorization: `Bearer ${token}`, 'user-agent': 'test' } } }, 'headers');
    logger.info({ rows: [{ id: 1, Password: password }] }, 'in an array, any case');
    logger.info({ res: { headers: { 'set-cookie': `authjs.session-token=${jwt}; HttpOnly` } } }, 'response');
    logger.info({ user: { credentials: { password, sessionToken: jwt } } }, 'deep');
    // Free text: a message that interpolated a cookie header, a query string or a bearer token.
    logger.warn(`auth: JWTSessionError: cookie authjs.session-token=${jwt}; path=/`);
    logger.warn(`reset link /reset?token=${token}&x=1 with Authorization: Bearer ${token}`);
    logger.warn(`form dump {"password":"${password}"}`);
    const output = text();
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    // What is not secret is still there, so the lines stay useful.
    const [signUp, headers] = records();
    expect(signUp).toMatchObject({ form: { email: 'ada@example.com', password: '[redacted]' } });
    expect(headers).toMatchObject({ req: { headers: { 'user-agent': 'test', cookie: '[redacted]' } } });
    expect(output).toContain('/reset?token=[redacted]&x=1');
  });

  it('log errors with their stack, without the SQL parameters a failed query carries', () => {
    const { logger, records, text } = capture();
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), { code: '23505' });
    const error = new Error(`Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: ada@example.com,${SECRETS[3]}`, { cause });
    logger.error({ err: error }, 'action failed');
    const [record] = records() as Array<{ err: { type: string; message: string; stack: string } }>;
    expect(record!.err.type).toBe('Error');
    expect(record!.err.stack).toMatch(/\n\s+at /); // a real stack trace, frames and all
    expect(record!.err.message).toContain('Failed query: insert into "users"');
    expect(record!.err.stack).toMatch(/caused by: Error: duplicate key .*users_email_key/); // the cause chain too
    expect(text()).not.toContain(SECRETS[3]);
    expect(text()).not.toContain('ada@example.com');
  });

  it('are silent under Vitest unless a level is asked for', () => {
    expect(createLogger().level).toBe('silent');
  });
});

describe('console output of Next and libraries', () => {
  const original = { error: console.error, warn: console.warn };
  afterEach(() => Object.assign(console, original));

  it('becomes JSON lines, scrubbed, with the stack; an error already logged with its request is not repeated', () => {
    const { logger, records, text } = capture();
    routeConsoleTo(logger);
    const error = new Error('render failed for password=hunter2-correct-horse');
    console.error(' ⨯', error); // how Next reports a failed request
    console.warn('auth: JWTSessionError: invalid token %s', 'authjs.session-token=abc.def');
    const seen = new Error('already logged');
    Object.defineProperty(seen, LOGGED, { value: true });
    console.error(' ⨯', seen);
    console.error('⨯', Object.assign(new Error('a render error, reported to onRequestError next'), { digest: '110474276' }));
    const [first, second, third] = records() as Array<{ level: number; msg: string; err?: { stack: string } }>;
    expect(first).toMatchObject({ level: 50, msg: 'render failed for password=[redacted]' });
    expect(first!.err!.stack).toMatch(/^Error: render failed for password=\[redacted\]\n\s+at /);
    expect(second).toMatchObject({ level: 40, msg: 'auth: JWTSessionError: invalid token authjs.session-token=[redacted]' });
    expect(third).toBeUndefined();
    expect(text()).not.toContain('hunter2');
  });
});

describe('logged paths', () => {
  it('drop the query string, which may carry a token', () => {
    expect(loggedPath('/reset-password?token=abc123&email=a%40b.c')).toBe('/reset-password');
    expect(loggedPath('/search?q=private+words')).toBe('/search');
    expect(loggedPath('/articles/kendall-schmidt-heffron-drive#comments')).toBe('/articles/kendall-schmidt-heffron-drive');
  });

  it('hide a path segment that looks like a token but keep slugs and build assets', () => {
    expect(loggedPath('/reset/Zk3J9qX2vT8bN1mR7wL4yP6cH0dF5sG2')).toBe('/reset/[redacted]');
    expect(loggedPath('/reset-password/q2Xx-8Jf_0aZ1bY2cX3dW4eV5fU6gT7hS8iR9jQ0kPo')).toBe('/reset-password/[redacted]');
    expect(loggedPath('/reset-password/short')).toBe('/reset-password/[redacted]'); // that route's segment is always a token
    expect(loggedPath('/verify/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe('/verify/[redacted]');
    expect(loggedPath('/articles/the-long-slug-of-a-story-about-the-harbour-and-its-winter')).toBe('/articles/the-long-slug-of-a-story-about-the-harbour-and-its-winter');
    expect(loggedPath('/_next/static/chunks/0b9e0c8d1f2a3b4c5d6e7f8a9b0c1d2e.js')).toBe('/_next/static/chunks/0b9e0c8d1f2a3b4c5d6e7f8a9b0c1d2e.js');
    expect(loggedPath('')).toBe('/');
  });

  it('scrubs free text', () => {
    expect(scrub('Cookie: __Secure-authjs.session-token=abc.def; other=1')).toBe('Cookie: __Secure-authjs.session-token=[redacted]; other=1');
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The environment is read once, on first use: point the data directory at a temporary one before
// the mail module is loaded.
const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-mail-'));
process.env.DATA_DIR = dir;
process.env.SITE_URL = 'http://localhost:3000';
delete process.env.SMTP_URL;
const { outboxDir, sendMail } = await import('./mail');
const { logger } = await import('./logger');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the outbox transport', () => {
  it('writes one JSON file per message into DATA_DIR/outbox, named to sort by time, and logs no body', async () => {
    const log = vi.spyOn(logger, 'info');
    expect(outboxDir()).toBe(path.join(dir, 'outbox'));
    const first = await sendMail({ to: 'ada@example.com', subject: 'First', text: 'secret-token-1 is in here' });
    const second = await sendMail({ to: 'bo@example.com', subject: 'Second', text: 'secret-token-2 is in here' });

    const files = readdirSync(outboxDir());
    expect(files).toHaveLength(2);
    expect(files.every((file) => file.endsWith('.json'))).toBe(true);
    expect([...files].sort().map((file) => path.join(outboxDir(), file))).toEqual([first.where, second.where]);

    const message = JSON.parse(readFileSync(first.where, 'utf8'));
    expect(message).toMatchObject({ subject: 'First', text: 'secret-token-1 is in here' });
    expect(JSON.stringify(message.to)).toContain('ada@example.com');
    expect(JSON.stringify(message.from)).toContain('no-reply@localhost.localdomain');

    const lines = log.mock.calls.map((call) => JSON.stringify(call));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('ada@example.com');
    expect(lines[0]).toContain('First');
    expect(lines[0]).toContain(first.where);
    expect(lines.join('\n')).not.toContain('secret-token');
    log.mockRestore();
  });

  it('keeps many messages sent in the same millisecond apart, in the order they were sent', async () => {
    const before = new Set(readdirSync(outboxDir()));
    const sent = [];
    for (let i = 0; i < 20; i++) sent.push((await sendMail({ to: `r${i}@example.com`, subject: `n${i}`, text: 'x' })).where);
    const added = readdirSync(outboxDir()).filter((file) => !before.has(file)).sort();
    expect(added.map((file) => path.join(outboxDir(), file))).toEqual(sent);
    vi.restoreAllMocks();
  });
});

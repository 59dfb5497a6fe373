import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';

/** A message the server wrote to its outbox (the default mail transport: one JSON file per message). */
export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  text: string;
}

const outboxDir = () => path.join(process.env.E2E_DATA_DIR!, 'outbox');

/** Every message in the outbox so far, oldest first (the file names sort by time). */
export function readOutbox(): OutboxMail[] {
  let files: string[];
  try {
    files = fs.readdirSync(outboxDir()).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    const message = JSON.parse(fs.readFileSync(path.join(outboxDir(), file), 'utf8')) as { to: unknown; subject: string; text: string };
    return { file, to: JSON.stringify(message.to), subject: message.subject, text: message.text };
  });
}

/** The messages sent to `email`. */
export const mailTo = (email: string) => readOutbox().filter((mail) => mail.to.includes(email));

/** Waits until `email` has received `count` messages (mail leaves after the answer, or on the scheduler's round). */
export async function waitForMail(email: string, { count = 1, timeout = 10_000 } = {}): Promise<OutboxMail[]> {
  await expect.poll(() => mailTo(email).length, { timeout, message: `mail to ${email}` }).toBeGreaterThanOrEqual(count);
  return mailTo(email);
}

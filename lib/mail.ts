import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { dataDir, env, siteUrl } from './env';
import { logger } from './logger';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text only: what we send contains links and tokens, never reader-written HTML. */
  text: string;
}

export interface Sent {
  /** Where the message went: the outbox file, or the SMTP server's message id. */
  where: string;
}

const holder = globalThis as typeof globalThis & { __mastheadSmtp?: { url: string; transport: Transporter } };

/** Where messages are written when no SMTP server is configured: `${DATA_DIR}/outbox`. */
export function outboxDir(): string {
  return path.join(dataDir(), 'outbox');
}

function sender(): string {
  const { MAIL_FROM, SITE_NAME } = env();
  if (MAIL_FROM) return MAIL_FROM;
  const host = new URL(siteUrl()).hostname;
  // "localhost" is no mail domain; a sender address must still look like one.
  return `"${SITE_NAME.replace(/["\\]/g, '')}" <no-reply@${host.includes('.') ? host : `${host}.localdomain`}>`;
}

function smtp(url: string): Transporter {
  if (holder.__mastheadSmtp?.url !== url) holder.__mastheadSmtp = { url, transport: nodemailer.createTransport(url) };
  return holder.__mastheadSmtp.transport;
}

let sequence = 0;

/** A file name that sorts by time: ISO timestamp, then a per-process counter, then randomness. */
function outboxName(now: Date): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${now.toISOString().replace(/:/g, '-')}-${String(sequence).padStart(6, '0')}-${randomBytes(3).toString('hex')}.json`;
}

/**
 * Sends one plain-text message: through SMTP when SMTP_URL is set, else into the outbox directory as one
 * JSON file per message (nodemailer's JSON transport: from, to, subject, text, headers). Logs one line
 * with the recipient and subject, never the body: it may hold a sign-in token.
 */
export async function sendMail(mail: Mail): Promise<Sent> {
  const message = { from: sender(), to: mail.to, subject: mail.subject, text: mail.text };
  const { SMTP_URL } = env();
  if (SMTP_URL) {
    const info = await smtp(SMTP_URL).sendMail(message);
    logger.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent via SMTP');
    return { where: String(info.messageId) };
  }
  const info = await nodemailer.createTransport({ jsonTransport: true }).sendMail(message);
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, outboxName(new Date()));
  // Written under a temporary name and renamed, so whoever watches the outbox never reads half a message.
  const partial = `${file}.partial`;
  await writeFile(partial, info.message, { mode: 0o600 });
  await rename(partial, file);
  logger.info({ to: mail.to, subject: mail.subject, file }, 'mail written to the outbox');
  return { where: file };
}

import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { authSecret } from './auth-secret';
import { verifyPassword } from './passwords';
import { forgive, hasBudget, limits, take } from './rate-limit';

declare module 'next-auth' {
  interface Session {
    tokenVersion?: number;
  }
  interface User {
    role?: Role;
    tokenVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: number;
    role?: Role;
    tv?: number;
  }
}

/** Sign-in refused because of too many attempts: the form says so instead of "wrong password". */
export class TooManyAttempts extends CredentialsSignin {
  code = 'too_many_attempts';
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(128),
});

// Spent on unknown emails too, so the time taken does not reveal whether an account exists.
const decoyHash = '$argon2id$v=19$m=19456,t=2,p=1$VCFM0Ieh69Dx01yCb1ROuA$+kF22uVK4oVOXKdOHSsM7b3B4Fbt6Dgk2Vwv+HQUpIo';

export function clientAddress(requestHeaders: Headers | undefined): string {
  // scripts/server.mjs sets this header: the socket's address, or behind a trusted proxy (TRUST_PROXY)
  // the client's as the proxy saw it, its last entry (earlier ones are whatever the client sent).
  const forwarded = requestHeaders?.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || requestHeaders?.get('x-real-ip') || 'unknown';
}

/** The address of the client making the current request (a server action's, say). */
export async function requestAddress(): Promise<string> {
  return clientAddress(await headers());
}

/** Checks an email and password; the user to put in the session, or null. Throttled per account and address. */
export async function checkCredentials(raw: unknown, address: string) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  // Only failures spend the budgets: a guesser runs out, people who know their password never do.
  if (!(await hasBudget(limits.signInAddress, address)) || !(await hasBudget(limits.signInAccount, email))) throw new TooManyAttempts();
  const [user] = await getDb()
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  const valid = await verifyPassword(user?.passwordHash ?? decoyHash, password);
  if (!user || !valid) {
    await Promise.all([take(limits.signInAccount, email), take(limits.signInAddress, address)]);
    return null;
  }
  const suspended = user.status === 'suspended' && (!user.suspendedUntil || user.suspendedUntil > new Date());
  if (user.status === 'banned' || suspended) return null;
  await forgive(limits.signInAccount, email);
  return { id: String(user.id), name: user.name, email: user.email, role: user.role, tokenVersion: user.tokenVersion };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: (credentials, request) => checkCredentials(credentials, clientAddress(request?.headers)),
    }),
  ],
  callbacks: {
    // Keep the token small (one cookie): who, which role, which token version.
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.tv = user.tokenVersion;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = String(token.uid);
      session.tokenVersion = token.tv;
      return session;
    },
  },
  logger: {
    // Garbage or expired cookies are routine; one line, not a stack per request.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === 'CredentialsSignin') return; // a wrong password: answered on the form, not an error
      console.error(`auth: ${type}: ${error.message.split('\n')[0]}`);
    },
  },
}));

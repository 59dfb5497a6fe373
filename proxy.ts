import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/auth-secret';
import { can, siteActionForPath } from '@/lib/permissions';

// The first gate of the staff and account areas: no valid session token, no page — a real 307 to the
// sign-in page. Pages and actions check the person and their role again against the database.
export async function proxy(request: NextRequest) {
  const secret = authSecret();
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req: request, secret, secureCookie }).catch(() => null);
    if (!token?.uid) continue;
    // The token's role is only a first answer (pages and actions re-check against the database), but
    // it lets a page refused to this role answer a real 403: Cache Components sends a page's shell with
    // a 200 before the page's own check runs.
    const needs = siteActionForPath(request.nextUrl.pathname);
    if (needs && token.role && !can({ id: token.uid, role: token.role }, needs)) return NextResponse.rewrite(new URL('/staff-only', request.url));
    return NextResponse.next();
  }
  const login = new URL('/login', request.url);
  login.searchParams.set('next', request.nextUrl.pathname);
  return NextResponse.redirect(login);
}

export const config = { matcher: ['/dashboard/:path*', '/account/:path*'] };

import { NextResponse, type NextRequest } from 'next/server';

// The first gate of the staff and account areas: no session cookie, no page. Pages and actions
// check the session and the role again on the server; this only saves them the work.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const signedIn = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
  if (signedIn) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('next', request.nextUrl.pathname);
  return NextResponse.redirect(login);
}

export const config = { matcher: ['/dashboard/:path*', '/account/:path*'] };

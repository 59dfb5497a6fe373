import { forbidden } from 'next/navigation';

// proxy.ts rewrites a staff page here when the session's role may not open it. A check inside that
// page would run after Cache Components has sent the shell with a 200; this one runs at build time,
// so the page is prerendered as app/forbidden.tsx with a real 403.
export default function StaffOnly() {
  forbidden();
}

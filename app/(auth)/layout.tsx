import { connection } from 'next/server';
import { SiteChrome } from '@/components/site-chrome';

// Sign-in, sign-up, password reset and the account are rendered per request (every page here sets
// `instant = false`): prerendered at build, their header would keep the build's empty list of sections.
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return <SiteChrome>{children}</SiteChrome>;
}

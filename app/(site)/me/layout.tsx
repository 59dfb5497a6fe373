import { AccountMenu } from '@/components/account-menu';
import { SiteChrome } from '@/components/site-chrome';
import { currentUser } from '@/lib/session';
import { signOutEverywhere } from '../../(auth)/actions';

// The signed-in variant of every public page (next.config.js rewrites here when a session cookie is
// present): the same pages, plus the visitor's own header. Rendered per request, outside <Suspense>,
// so the account menu and forms work without JavaScript.
export const instant = false;

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return <SiteChrome account={<AccountMenu user={user} signOut={signOutEverywhere} />}>{children}</SiteChrome>;
}

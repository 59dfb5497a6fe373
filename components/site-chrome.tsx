import { env } from '@/lib/env';
import { getSections } from '@/lib/sections';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** The public site's frame: skip link, header with the sections, the page, the footer. */
export async function SiteChrome({ children, account }: { children: React.ReactNode; account?: React.ReactNode }) {
  const sections = await getSections();
  const name = env().SITE_NAME;
  return (
    <>
      <a href="#main" className="sr-only font-sans focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-paper focus:p-2">
        Skip to content
      </a>
      <SiteHeader siteName={name} sections={sections} account={account} />
      <main id="main" className="mx-auto max-w-6xl px-4 sm:px-6">
        {children}
      </main>
      <SiteFooter siteName={name} sections={sections} />
    </>
  );
}

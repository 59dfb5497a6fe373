import Link from 'next/link';
import { NotFoundMessage } from '@/components/not-found-message';
import { env } from '@/lib/env';

export const metadata = { title: 'Page not found', robots: { index: false } };

// For addresses outside the public site (the dashboard, media); inside it, (site)/(anon)/not-found.tsx
// answers. Next embeds this boundary in every page's payload, so it stays small: no site chrome.
export default function NotFound() {
  return (
    <>
      <header className="border-b border-rule px-4 py-4 font-serif text-2xl font-black sm:px-6">
        <Link href="/">{env().SITE_NAME}</Link>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 sm:px-6">
        <NotFoundMessage />
      </main>
    </>
  );
}

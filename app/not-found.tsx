import { NotFoundMessage } from '@/components/not-found-message';
import { SiteChrome } from '@/components/site-chrome';

export const metadata = { title: 'Page not found', robots: { index: false } };

// For addresses that match no route at all; inside the site, (site)/not-found.tsx answers.
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}

import Link from 'next/link';
import type { SectionLink } from '@/lib/sections';

export function SiteFooter({ siteName, sections }: { siteName: string; sections: SectionLink[] }) {
  return (
    <footer className="mt-24 border-t border-rule">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 font-sans text-sm sm:grid-cols-3 sm:px-6">
        <div>
          <p className="font-serif text-2xl font-black">{siteName}</p>
          <p className="mt-2 text-muted">An independent magazine, published with Masthead.</p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-2">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link prefetch={false} href={`/sections/${section.slug}`} className="hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
            <li>
              <Link prefetch={false} href="/search" className="hover:underline">
                Search
              </Link>
            </li>
            <li>
              <a href="/feed.xml" className="hover:underline">
                RSS feed
              </a>
            </li>
          </ul>
        </nav>
        <p className="text-muted sm:text-right">Stories stay readable without JavaScript, on any connection.</p>
      </div>
    </footer>
  );
}

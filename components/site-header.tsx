import Link from 'next/link';
import type { SectionLink } from '@/lib/sections';

/** The masthead: the magazine's name, its sections and search. Server-rendered, no client code. */
export function SiteHeader({ siteName, sections, account }: { siteName: string; sections: SectionLink[]; account?: React.ReactNode }) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 pt-6 pb-3 sm:px-6">
        <Link prefetch={false} href="/" className="font-serif text-3xl font-black tracking-tight sm:text-4xl">
          {siteName}
        </Link>
        <div className="flex items-center gap-4 font-sans text-sm">
          <Link prefetch={false} href="/search" className="hover:underline">
            Search
          </Link>
          {account}
        </div>
      </div>
      <nav aria-label="Sections" className="mx-auto max-w-6xl px-4 sm:px-6">
        <ul className="flex gap-5 overflow-x-auto border-t border-rule py-3 font-sans text-sm font-semibold tracking-wide uppercase">
          <li>
            <Link prefetch={false} href="/" className="hover:underline">
              Latest
            </Link>
          </li>
          {sections.map((section) => (
            <li key={section.slug}>
              <Link prefetch={false} href={`/sections/${section.slug}`} className="hover:underline">
                {section.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

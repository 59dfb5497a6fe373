import Link from 'next/link';
import story from './story.json';

// One prerendered page: the demo lead story's text in a header/article/footer frame like Masthead's.
export default function Page() {
  return (
    <>
      <header className="border-b border-[var(--rule)]">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 pt-6 pb-3">
          <Link href="/" className="text-3xl font-black tracking-tight">
            Baseline
          </Link>
          {/* Links point at the page itself: a link to a missing route would log a 404 prefetch in the console. */}
          <Link href="/" className="font-sans text-sm">
            Search
          </Link>
        </div>
        <nav aria-label="Sections" className="mx-auto max-w-6xl px-4">
          <ul className="flex gap-5 border-t border-[var(--rule)] py-3 font-sans text-sm font-semibold uppercase">
            {['Latest', 'Music', 'Screen', 'Culture', 'Style'].map((name) => (
              <li key={name}>
                <Link href="/">{name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4">
        <article className="py-10">
          <header className="mx-auto max-w-3xl text-center">
            <p className="font-sans text-xs font-semibold uppercase tracking-[0.14em] text-[var(--accent)]">{story.section}</p>
            <h1 className="mt-4 text-4xl leading-[1.08] font-bold tracking-tight text-balance sm:text-6xl">{story.title}</h1>
            <p className="mx-auto mt-5 max-w-2xl text-xl leading-relaxed sm:text-2xl">{story.dek}</p>
          </header>
          <div className="article-body prose prose-lg mx-auto mt-10 max-w-2xl font-serif sm:prose-xl">
            {story.blocks.map((block, i) => (block.quote ? <blockquote key={i}><p>{block.quote}</p></blockquote> : <p key={i}>{block.text}</p>))}
          </div>
        </article>
      </main>
      <footer className="border-t border-[var(--rule)] py-10 text-center font-sans text-sm">Baseline</footer>
    </>
  );
}

import Link from 'next/link';

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-2xl py-24 text-center">
      <p className="kicker">Error 404</p>
      <h1 className="mt-4 text-4xl font-bold sm:text-5xl">We couldn’t find that page</h1>
      <p className="mt-6 text-lg text-muted">The story may have moved or been unpublished, or the address may be mistyped.</p>
      <p className="mt-8 font-sans">
        <Link prefetch={false} href="/" className="font-semibold underline">
          Go to the front page
        </Link>{' '}
        or{' '}
        <Link prefetch={false} href="/search" className="font-semibold underline">
          search the archive
        </Link>
        .
      </p>
    </div>
  );
}

'use client';

import Link from 'next/link';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center">
      <p className="kicker">Something went wrong</p>
      <h1 className="mt-4 text-4xl font-bold">This page didn’t load</h1>
      <p className="mt-6 text-lg text-muted">It’s our fault, not yours. Please try again in a moment.</p>
      <p className="mt-8 font-sans">
        <button type="button" onClick={reset} className="rounded border border-rule px-4 py-2 font-semibold">
          Try again
        </button>{' '}
        or <Link href="/" className="font-semibold underline">go to the front page</Link>.
      </p>
    </div>
  );
}

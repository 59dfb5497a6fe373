import Link from 'next/link';

export const metadata = { title: 'Staff only', robots: { index: false } };

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-24 text-center">
      <p className="kicker">Error 403</p>
      <h1 className="mt-4 text-4xl font-bold">You don’t have access to this page</h1>
      <p className="mt-6 text-lg text-muted">It is for the magazine’s staff. If you should have access, ask an editor or an admin.</p>
      <p className="mt-8 font-sans">
        <Link href="/" className="font-semibold underline">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}

'use client';

import Link from 'next/link';

export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', maxWidth: '40rem', margin: '6rem auto', padding: '0 1rem', textAlign: 'center' }}>
        <h1>Something went wrong</h1>
        <p>It’s our fault, not yours. Please reload the page in a moment.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </body>
    </html>
  );
}

'use client';

export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', maxWidth: '40rem', margin: '6rem auto', padding: '0 1rem', textAlign: 'center' }}>
        <h1>Something went wrong</h1>
        <p>It’s our fault, not yours. Please reload the page in a moment.</p>
        <p>
          <a href="/">Go to the front page</a>
        </p>
      </body>
    </html>
  );
}

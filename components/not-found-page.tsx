import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { NotFoundMessage } from './not-found-message';

function Answer404(): never {
  notFound();
}

export const notFoundMetadata = { title: 'Page not found', robots: { index: false } };

/**
 * The 404 for a prerendered route. With Cache Components, notFound() thrown by the page itself yields
 * an empty HTML shell that only JavaScript fills; thrown inside a boundary it still sets the 404 status
 * while the message is rendered into the HTML, readable without JavaScript.
 */
export function NotFoundPage() {
  return (
    <>
      <NotFoundMessage />
      <Suspense fallback={null}>
        <Answer404 />
      </Suspense>
    </>
  );
}

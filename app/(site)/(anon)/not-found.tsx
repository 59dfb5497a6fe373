import { NotFoundMessage } from '@/components/not-found-message';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return <NotFoundMessage />;
}

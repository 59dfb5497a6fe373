import { NotFoundPage, notFoundMetadata } from '@/components/not-found-page';
import { BUILD_SENTINEL } from '@/lib/static-params';

// Any other address: a 404 inside the site's frame, rendered at runtime so the navigation is real
// (app/not-found.tsx is prerendered at build, when there are no sections to list).
export const generateStaticParams = () => [{ missing: [BUILD_SENTINEL] }];
export const metadata = notFoundMetadata;

export default async function MissingPage({ params }: PageProps<'/[...missing]'>) {
  await params; // rendered per address, like every other param route, never as a build-time shell
  return <NotFoundPage />;
}

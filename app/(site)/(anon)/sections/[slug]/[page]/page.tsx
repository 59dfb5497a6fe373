import { getSectionPage } from '@/lib/articles';
import { listingRoute } from '../../../listing-route';

const route = listingRoute({
  base: '/sections',
  kicker: 'Section',
  load: getSectionPage,
  description: (section) => section.description,
  feed: true,
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;

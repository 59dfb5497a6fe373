import { getTagPage } from '@/lib/articles';
import { listingRoute } from '../../../listing-route';

const route = listingRoute({
  base: '/tags',
  kicker: 'Tag',
  load: getTagPage,
  description: (tag) => `Stories tagged ${tag.name}.`,
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;

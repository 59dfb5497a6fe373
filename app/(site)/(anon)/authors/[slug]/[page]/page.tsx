import { getAuthorPage } from '@/lib/articles';
import { listingRoute } from '../../../listing-route';

const route = listingRoute({
  base: '/authors',
  kicker: 'Author',
  load: getAuthorPage,
  description: (author) => author.bio || `Stories by ${author.name}.`,
});

export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;

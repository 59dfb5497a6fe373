export { default, generateMetadata } from '../../../(anon)/articles/[slug]/page';

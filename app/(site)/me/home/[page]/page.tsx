export { default, generateMetadata } from '../../../(anon)/home/[page]/page';

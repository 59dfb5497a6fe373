export { default, generateMetadata } from '../../../../(anon)/tags/[slug]/[page]/page';

export { default, generateMetadata } from '../../../../(anon)/sections/[slug]/[page]/page';

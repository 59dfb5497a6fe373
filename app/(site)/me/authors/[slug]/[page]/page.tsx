export { default, generateMetadata } from '../../../../(anon)/authors/[slug]/[page]/page';

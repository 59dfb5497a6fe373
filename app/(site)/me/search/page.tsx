export { default, metadata } from '../../(anon)/search/page';

export { default, metadata } from '../(anon)/not-found';

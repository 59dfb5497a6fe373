import path from 'node:path';

// Resolve next/react/tailwind from the repository's node_modules, two levels up.
const root = path.resolve(import.meta.dirname, '../..');

/** @type {import('next').NextConfig} */
export default {
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
};

// @ts-check

/**
 * Public pages are prerendered per URL and served from Next's cache. Query strings would make them
 * dynamic, so `?page=N` is rewritten to a path segment of an internal route instead, and the bare
 * URLs are rewritten to that route's first page. Internal URLs redirect back to their public form.
 */
const PAGE = [{ type: /** @type {const} */ ('query'), key: 'page', value: '(?<page>[1-9]\\d{0,5})' }];

const listRoutes = ['sections', 'tags', 'authors'];

const csp = [
  "default-src 'self'",
  // Next's inline bootstrap scripts need 'unsafe-inline' without nonces; nonces would force every page dynamic.
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://open.spotify.com https://w.soundcloud.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  cacheComponents: true,
  // Signed-in pages render per request; Partial Prefetching would embed their payload twice (DESIGN.md).
  partialPrefetching: false,
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'sharp'],
  images: { formats: ['image/avif', 'image/webp'] },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
  async redirects() {
    return [
      { source: '/home/1', destination: '/', permanent: false },
      { source: '/home/:page', destination: '/?page=:page', permanent: false },
      ...listRoutes.flatMap((route) => [
        { source: `/${route}/:slug/1`, destination: `/${route}/:slug`, permanent: false },
        { source: `/${route}/:slug/:page(\\d+)`, destination: `/${route}/:slug?page=:page`, permanent: false },
      ]),
    ];
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: '/', has: PAGE, destination: '/home/:page' },
        { source: '/', destination: '/home/1' },
        ...listRoutes.flatMap((route) => [
          { source: `/${route}/:slug`, has: PAGE, destination: `/${route}/:slug/:page` },
          { source: `/${route}/:slug`, destination: `/${route}/:slug/1` },
        ]),
      ],
    };
  },
};

module.exports = nextConfig;

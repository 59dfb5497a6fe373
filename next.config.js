// @ts-check

/**
 * Public pages are prerendered per URL and served from Next's cache. Query strings would make them
 * dynamic, so `?page=N` is rewritten to a path segment of an internal route instead, and the bare
 * URLs are rewritten to that route's first page. Internal URLs redirect back to their public form.
 */
const PAGE = [{ type: /** @type {const} */ ('query'), key: 'page', value: '(?<page>[1-9]\\d{0,5})' }];

const SORT = [{ type: /** @type {const} */ ('query'), key: 'sort', value: '(?<sort>newest|oldest|top)' }];

const listRoutes = ['sections', 'tags', 'authors'];

// Signed-in visitors (a session cookie, over http or https) get the per-visitor variant under /me.
const SESSION = ['authjs.session-token', '__Secure-authjs.session-token'].map((key) => [{ type: /** @type {const} */ ('cookie'), key }]);

/** The public routes, as [source, destination, has-page-query] rewrites for one prefix ('' or '/me'). */
function publicRewrites(prefix, has = []) {
  return [
    { source: '/', has: [...has, ...PAGE], destination: `${prefix}/home/:page` },
    { source: '/', has, destination: `${prefix}/home/1` },
    // Signed-in pages render per request and read the thread's sort and page from the query; anonymous
    // ones get each page of a thread as its own prerendered route.
    ...(prefix
      ? [
          { source: '/articles/:slug', has, destination: `${prefix}/articles/:slug` },
          { source: '/search', has, destination: `${prefix}/search` },
        ]
      : [
          { source: '/articles/:slug', has: [...SORT, ...PAGE], destination: '/articles/:slug/comments/:sort/:page' },
          { source: '/articles/:slug', has: SORT, destination: '/articles/:slug/comments/:sort/1' },
          { source: '/articles/:slug', has: PAGE, destination: '/articles/:slug/comments/newest/:page' },
        ]),
    ...listRoutes.flatMap((route) => [
      { source: `/${route}/:slug`, has: [...has, ...PAGE], destination: `${prefix}/${route}/:slug/:page` },
      { source: `/${route}/:slug`, has, destination: `${prefix}/${route}/:slug/1` },
    ]),
  ];
}

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
  experimental: {
    authInterrupts: true,
    // Media uploads: 10 MB images plus the form around them. The proxy (proxy.ts covers /dashboard)
    // buffers bodies up to its own limit and silently truncates past it, so both limits move together.
    serverActions: { bodySizeLimit: '11mb' },
    proxyClientMaxBodySize: '11mb',
  },
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'pino', 'sharp'],
  images: {
    formats: ['image/avif', 'image/webp'],
    // Only the shipped images and the uploads served by app/media/[file]; no query strings.
    localPatterns: [
      { pathname: '/images/**', search: '' },
      { pathname: '/media/**', search: '' },
    ],
    // The optimizer replaces the site's CSP with its own sandbox policy: keep that, plus the site's rules.
    contentSecurityPolicy: "default-src 'self'; script-src 'none'; frame-src 'none'; sandbox; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  },
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
      // Anonymous reading pages go out without scripts: scripts/server.mjs strips them and this mark
      // (lib/script-free.mjs). Signed-in visitors' pages keep the app.
      ...['/', '/articles/:slug', ...listRoutes.map((route) => `/${route}/:slug`), '/search'].map((source) => ({
        source,
        missing: SESSION.flat(),
        headers: [{ key: 'X-Masthead-Reading', value: '1' }],
      })),
    ];
  },
  async redirects() {
    return [
      { source: '/me/:path*', destination: '/:path*', permanent: false },
      { source: '/home/1', destination: '/', permanent: false },
      { source: '/home/:page', destination: '/?page=:page', permanent: false },
      { source: '/articles/:slug/comments/:sort/:page', destination: '/articles/:slug?sort=:sort&page=:page', permanent: false },
      ...listRoutes.flatMap((route) => [
        { source: `/${route}/:slug/1`, destination: `/${route}/:slug`, permanent: false },
        { source: `/${route}/:slug/:page(\\d+)`, destination: `/${route}/:slug?page=:page`, permanent: false },
      ]),
    ];
  },
  async rewrites() {
    return {
      // The first matching rule wins: the signed-in rules come before the anonymous ones.
      beforeFiles: [...SESSION.flatMap((has) => publicRewrites('/me', has)), ...publicRewrites('')],
    };
  },
};

module.exports = nextConfig;

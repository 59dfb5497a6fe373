import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { siteUrl } from '@/lib/env';

export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection(); // the site's URL comes from the running server's environment, not the build's
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/dashboard', '/account', '/api/', '/search'] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}

import type { Metadata, Viewport } from 'next';
import { env, siteUrl } from '@/lib/env';
import { sans, serif } from './fonts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const name = env().SITE_NAME;
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: `${name} — stories worth your time`, template: `%s — ${name}` },
    description: `${name} is an independent magazine about music, screen, culture and style.`,
    alternates: { types: { 'application/rss+xml': [{ url: '/feed.xml', title: `${name} — latest stories` }] } },
    openGraph: { siteName: name, type: 'website', locale: 'en_GB' },
    twitter: { card: 'summary_large_image' },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#121110' },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${serif.variable} ${sans.variable}`}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}

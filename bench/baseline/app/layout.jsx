import localFont from 'next/font/local';
import './globals.css';

// The same self-hosted fonts as Masthead (app/fonts.ts).
const serif = localFont({
  src: [
    { path: '../../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-normal.woff2', style: 'normal', weight: '200 900' },
    { path: '../../../node_modules/@fontsource-variable/source-serif-4/files/source-serif-4-latin-wght-italic.woff2', style: 'italic', weight: '200 900' },
  ],
  variable: '--font-source-serif',
  display: 'swap',
});
const sans = localFont({
  src: [{ path: '../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2', style: 'normal', weight: '100 900' }],
  variable: '--font-inter',
  display: 'swap',
  preload: false,
});

export const metadata = { title: 'Baseline', description: 'A prerendered article page for the bench.' };

export default function RootLayout({ children }) {
  return (
    <html lang="en" className={`${serif.variable} ${sans.variable}`}>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}

import Link from 'next/link';
import { SiteChrome } from '@/components/site-chrome';

// What everyone without a session cookie gets: prerendered, nothing per visitor.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <SiteChrome
      account={
        <Link prefetch={false} href="/login" className="font-semibold hover:underline">
          Sign in
        </Link>
      }
    >
      {children}
    </SiteChrome>
  );
}

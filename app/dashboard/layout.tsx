import type { Metadata } from 'next';
import { DashboardNav } from '@/components/dashboard-nav';
import { requireRole } from '@/lib/guards';
import { signOutEverywhere } from '../(auth)/actions';

export const metadata: Metadata = { title: { default: 'Dashboard', template: '%s — Dashboard' }, robots: { index: false } };
// Staff pages render per request, outside <Suspense>, so they and their forms work without JavaScript.
export const instant = false;

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole('contributor', '/dashboard');
  return (
    <>
      <DashboardNav user={user} signOut={signOutEverywhere} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 font-sans sm:px-6">
        {children}
      </main>
    </>
  );
}

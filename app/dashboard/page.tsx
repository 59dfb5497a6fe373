import type { Metadata } from 'next';
import { requireRole } from '@/lib/guards';

export const metadata: Metadata = { title: 'Overview' };

export default async function DashboardHome() {
  const user = await requireRole('contributor', '/dashboard');
  return (
    <div>
      <h1 className="text-3xl font-bold">Welcome, {user.name}</h1>
    </div>
  );
}

import Link from 'next/link';
import type { Role } from '@/db/schema';
import { can, type SiteAction } from '@/lib/permissions';

const items: Array<{ href: string; label: string; needs: SiteAction }> = [
  { href: '/dashboard', label: 'Overview', needs: 'dashboard' },
  { href: '/dashboard/articles', label: 'Stories', needs: 'dashboard' },
  { href: '/dashboard/media', label: 'Media', needs: 'media:upload' },
  { href: '/dashboard/comments', label: 'Comments', needs: 'comments:moderate' },
  { href: '/dashboard/sections', label: 'Sections & tags', needs: 'taxonomy:manage' },
  { href: '/dashboard/users', label: 'People', needs: 'users:manage' },
  { href: '/dashboard/audit', label: 'Audit log', needs: 'audit:view' },
  { href: '/dashboard/settings', label: 'Settings', needs: 'settings:manage' },
];

/** The staff area's header: where you can go with your role, who you are, and the way out. */
export function DashboardNav({ user, signOut }: { user: { id: number; name: string; role: Role }; signOut: () => Promise<void> }) {
  return (
    <header className="border-b border-rule font-sans">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-6">
          <Link href="/" className="font-serif text-2xl font-black">
            Masthead
          </Link>
          <nav aria-label="Dashboard">
            <ul className="flex flex-wrap gap-4 text-sm font-semibold">
              {items
                .filter((item) => can(user, item.needs))
                .map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="hover:underline">
                      {item.label}
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span>
            {user.name} <span className="text-muted">({user.role})</span>
          </span>
          <form action={signOut}>
            <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-current">
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}

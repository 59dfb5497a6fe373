import type { Role } from '@/db/schema';
import { button, field, input } from './form-styles';

/** A plain GET form: the filters live in the address, so a filtered list can be bookmarked or shared. */
export function PeopleFilter({ roles, standings, current }: { roles: readonly Role[]; standings: readonly string[]; current: { q: string; role?: string; status?: string } }) {
  return (
    <form method="get" action="/dashboard/users" role="search" aria-label="People" className="flex flex-wrap items-end gap-3 font-sans">
      <label className={field}>
        Search people
        <input type="search" name="q" defaultValue={current.q} maxLength={100} placeholder="Name or email" className={input} />
      </label>
      <label className={field}>
        Role
        <select name="role" defaultValue={current.role ?? ''} className={input}>
          <option value="">All roles</option>
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Status
        <select name="status" defaultValue={current.status ?? ''} className={input}>
          <option value="">Any status</option>
          {standings.map((standing) => (
            <option key={standing} value={standing}>
              {standing}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={button}>
        Filter
      </button>
    </form>
  );
}

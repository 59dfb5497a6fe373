import { button, field, input } from './form-styles';
import { actionLabel } from './audit-words';

/** A GET form over the log: by kind of action or one action, by who did it. */
export function AuditFilter({
  actions,
  actors,
  current,
}: {
  actions: string[];
  actors: Array<{ id: number; name: string }>;
  current: { action?: string; actor?: number | 'none' };
}) {
  const kinds = [...new Set(actions.map((action) => action.split('.')[0]!))];
  return (
    <form method="get" action="/dashboard/audit" role="search" aria-label="Audit log" className="flex flex-wrap items-end gap-3 font-sans">
      <label className={field}>
        Action
        <select name="action" defaultValue={current.action ?? ''} className={input}>
          <option value="">All actions</option>
          {kinds.map((kind) => (
            <optgroup key={kind} label={kind}>
              <option value={`${kind}.*`}>Any {kind} change</option>
              {actions
                .filter((action) => action.startsWith(`${kind}.`))
                .map((action) => (
                  <option key={action} value={action}>
                    {actionLabel(action)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className={field}>
        Who
        <select name="actor" defaultValue={current.actor === undefined ? '' : String(current.actor)} className={input}>
          <option value="">Anyone</option>
          <option value="none">Command line or system</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
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

'use client';

import type { FormState } from '@/lib/action';
import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { field, hint, input, primaryButton } from './form-styles';

export interface SettingsValues {
  premoderation: boolean;
  autoCloseDays: number;
  bannedWords: string[];
  suspectWords: string[];
}

// Field names are the settings' keys (lib/settings.ts), so an error comes back under the field's name.
const keys = {
  premoderation: 'comments.premoderation',
  autoCloseDays: 'comments.autoCloseDays',
  bannedWords: 'comments.bannedWords',
  suspectWords: 'comments.suspectWords',
} as const;

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={id} className="text-sm font-normal text-accent">
      {message}
    </span>
  );
}

/**
 * The site's comment rules in one form; after a refused save every field keeps what was typed. `formKey`
 * is its element id and `_form` field: a refused save without JavaScript comes back to it (lib/flash.ts).
 */
export function SettingsForm({ values, action, formKey, initial }: { values: SettingsValues; action: FormAction; formKey: string; initial?: FormState }) {
  const { state, formAction, pending, typed, invalid, error } = useFormAction(action, initial);
  const describedBy = (name: string, hintId: string) => [hintId, error(name) && `${hintId}-error`].filter(Boolean).join(' ');
  const premoderation = typed(keys.premoderation, String(values.premoderation));
  return (
    <form id={formKey} action={formAction} aria-label="Comment settings" className="flex max-w-2xl flex-col gap-6">
      <input type="hidden" name="_form" value={formKey} />
      <FormAlert state={state} />

      <fieldset className="flex flex-col gap-2" aria-describedby={describedBy(keys.premoderation, 'premoderation-hint')}>
        <legend className="text-sm font-semibold">Moderation</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name={keys.premoderation} value="false" defaultChecked={premoderation !== 'true'} className="h-4 w-4" />
          Post-moderation: publish at once unless a rule holds the comment
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={keys.premoderation} value="true" defaultChecked={premoderation === 'true'} className="h-4 w-4" />
          Pre-moderation: every reader’s comment waits for a moderator
        </label>
        <span id="premoderation-hint" className={hint}>
          Staff comments are never held. Whatever you choose, new readers wait until two of their comments are approved.
        </span>
        <FieldError id="premoderation-hint-error" message={error(keys.premoderation)} />
      </fieldset>

      <div className="flex flex-col gap-1">
        <label className={field}>
          Close comments after (days)
          <input
            name={keys.autoCloseDays}
            type="number"
            inputMode="numeric"
            min={0}
            max={3650}
            step={1}
            defaultValue={typed(keys.autoCloseDays, values.autoCloseDays ? String(values.autoCloseDays) : '')}
            aria-invalid={invalid(keys.autoCloseDays)}
            aria-describedby={describedBy(keys.autoCloseDays, 'auto-close-hint')}
            className={`${input} max-w-40`}
          />
        </label>
        <span id="auto-close-hint" className={hint}>
          Counted from publication. Leave empty or 0 to keep comments open; each story can also be closed by hand in the editor.
        </span>
        <FieldError id="auto-close-hint-error" message={error(keys.autoCloseDays)} />
      </div>

      <div className="flex flex-col gap-1">
        <label className={field}>
          Banned words
          <textarea
            name={keys.bannedWords}
            rows={5}
            defaultValue={typed(keys.bannedWords, values.bannedWords.join('\n'))}
            aria-invalid={invalid(keys.bannedWords)}
            aria-describedby={describedBy(keys.bannedWords, 'banned-hint')}
            className={input}
          />
        </label>
        <span id="banned-hint" className={hint}>
          One word or phrase a line (or separated by commas). A comment containing one is refused, with a message asking to rephrase it.
        </span>
        <FieldError id="banned-hint-error" message={error(keys.bannedWords)} />
      </div>

      <div className="flex flex-col gap-1">
        <label className={field}>
          Suspect words
          <textarea
            name={keys.suspectWords}
            rows={5}
            defaultValue={typed(keys.suspectWords, values.suspectWords.join('\n'))}
            aria-invalid={invalid(keys.suspectWords)}
            aria-describedby={describedBy(keys.suspectWords, 'suspect-hint')}
            className={input}
          />
        </label>
        <span id="suspect-hint" className={hint}>
          One word or phrase a line (or separated by commas). A comment containing one waits for a moderator.
        </span>
        <FieldError id="suspect-hint-error" message={error(keys.suspectWords)} />
      </div>

      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          Save settings
        </button>
      </div>
    </form>
  );
}

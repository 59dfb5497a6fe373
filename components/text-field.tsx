import { field, input } from './form-styles';

/** A labelled input that shows its own error and keeps what was typed after a refused submit. */
export function TextField({
  label,
  name,
  type = 'text',
  autoComplete,
  defaultValue,
  error,
  required = true,
  maxLength,
  hint,
}: {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  defaultValue?: string;
  error?: string;
  required?: boolean;
  maxLength?: number;
  hint?: string;
}) {
  const describedBy = [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <label className={field}>
      {label}
      <input
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        defaultValue={type === 'password' ? undefined : defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={input}
      />
      {hint && (
        <span id={`${name}-hint`} className="font-normal text-muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${name}-error`} className="font-normal text-accent">
          {error}
        </span>
      )}
    </label>
  );
}

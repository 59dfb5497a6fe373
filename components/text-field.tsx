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
    <label className="flex flex-col gap-1 text-sm font-semibold">
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
        className="w-full rounded border border-rule bg-transparent px-3 py-2 text-base font-normal"
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

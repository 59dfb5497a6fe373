/** The dashboard's form look, in one place so every staff form reads the same. */
export const field = 'flex flex-col gap-1 text-sm font-semibold';
export const input = 'w-full rounded border border-rule bg-transparent px-3 py-2 text-base font-normal';
export const hint = 'text-xs font-normal text-muted';
export const primaryButton = 'rounded bg-[var(--ink)] px-4 py-2 text-sm font-semibold text-[var(--paper)] disabled:opacity-60';
export const button = 'rounded border border-rule px-3 py-1.5 text-sm font-semibold hover:border-current disabled:cursor-not-allowed disabled:opacity-60';

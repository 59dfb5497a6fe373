// The editor's link dialog (client) and its tests: which addresses a story may link to. The server's
// whitelist (lib/document-validate.ts) has the final word; this only gives the writer a clear answer early.

/**
 * A typed link address made usable: `example.com/x` gains https://, an email address gains mailto:, and
 * site paths stay as they are. Null for anything else (javascript:, data:, ftp:, nonsense).
 */
export function editorLinkHref(raw: string): string | null {
  const value = raw.trim();
  if (!value || value.length > 2000) return null;
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  if (/^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/.test(value)) return `mailto:${value}`;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : /^[\w-]+(\.[\w-]+)+([/?#:].*)?$/.test(value) ? `https://${value}` : value;
  try {
    const url = new URL(withScheme);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.toString() : null;
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.toString() : null;
  } catch {
    return null;
  }
}

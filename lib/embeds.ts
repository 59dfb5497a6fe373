// Shared by the editor and the server: which URLs may become embeds, and the player URL for each.

export type EmbedProvider = 'youtube' | 'vimeo' | 'spotify' | 'soundcloud';

export interface Embed {
  provider: EmbedProvider;
  /** The player's address: always one of the hosts allowed in the CSP's frame-src. */
  src: string;
  /** The address the editor pasted. */
  url: string;
}

/** The embed for a pasted URL, or null when it is not from an allowed provider. */
export function embedFromUrl(raw: string): Embed | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, '');
  const path = url.pathname.split('/').filter(Boolean);
  const id = (value: string | undefined | null, pattern: RegExp) => (value && pattern.test(value) ? value : null);
  if (host === 'youtube.com' || host === 'youtu.be') {
    const video = host === 'youtu.be' ? id(path[0], /^[\w-]{6,20}$/) : path[0] === 'watch' ? id(url.searchParams.get('v'), /^[\w-]{6,20}$/) : path[0] === 'embed' || path[0] === 'shorts' ? id(path[1], /^[\w-]{6,20}$/) : null;
    return video ? { provider: 'youtube', src: `https://www.youtube-nocookie.com/embed/${video}`, url: url.toString() } : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const video = id(path.at(-1), /^\d{3,15}$/);
    return video ? { provider: 'vimeo', src: `https://player.vimeo.com/video/${video}`, url: url.toString() } : null;
  }
  if (host === 'open.spotify.com') {
    const [kind, item] = path[0] === 'embed' ? path.slice(1) : path;
    if (!kind || !['track', 'album', 'playlist', 'episode', 'show', 'artist'].includes(kind) || !id(item, /^[A-Za-z0-9]{10,40}$/)) return null;
    return { provider: 'spotify', src: `https://open.spotify.com/embed/${kind}/${item}`, url: url.toString() };
  }
  if (host === 'soundcloud.com') {
    if (path.length < 1 || !path.every((part) => /^[\w-]{1,100}$/.test(part))) return null;
    const track = `https://soundcloud.com/${path.join('/')}`;
    return { provider: 'soundcloud', src: `https://w.soundcloud.com/player/?url=${encodeURIComponent(track)}`, url: track };
  }
  return null;
}

export const embedHosts = ['https://www.youtube-nocookie.com/', 'https://player.vimeo.com/', 'https://open.spotify.com/embed/', 'https://w.soundcloud.com/player/'];

export function isAllowedEmbedSrc(src: string): boolean {
  return embedHosts.some((host) => src.startsWith(host));
}

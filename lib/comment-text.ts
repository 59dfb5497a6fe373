// Reader comments are plain text. This module turns that text into data a component renders — never into
// HTML strings — so React's escaping stays the only thing between a reader's words and the page. Pure and
// shared: the server uses it to store and screen comments, components use it to render them.

export const COMMENT_MAX_LENGTH = 5_000;

/** A run of plain text (it may contain single line breaks: render with `white-space: pre-line`), or a link. */
export type TextSegment = { text: string } | { href: string; text: string };
export type Paragraph = TextSegment[];

// Control characters other than tab and line feed: PostgreSQL refuses NUL in text, and none of the others
// has any business in a comment. Zero-width characters are kept in what is stored, only ignored when
// screening words (see `listedWordsIn`).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The text as stored: line endings unified, control characters dropped, outer whitespace trimmed. */
export function normalizeCommentText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Length as a person counts it: an emoji is one character, not two UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

// A link starts with http:// or https:// not glued to a preceding letter or digit, and runs to the next
// whitespace or character that cannot appear unescaped in a URL typed in prose.
const LINK_START = /(?<![\p{L}\p{N}_])https?:\/\/[^\s<>"`{}|\\^]+/giu;
const TRAILING = /[.,;:!?'’”*_~-]$/u;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Drops the punctuation that ends a sentence around a link, keeping balanced brackets (Wikipedia URLs). */
function trimLink(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1) ?? '';
    if (TRAILING.test(last)) {
      url = url.slice(0, -1);
      continue;
    }
    const opener = CLOSERS[last];
    if (opener && url.split(opener).length - 1 < url.split(last).length - 1) {
      url = url.slice(0, -1);
      continue;
    }
    return url;
  }
}

export interface FoundLink {
  start: number;
  end: number;
  /** The address to link to: parsed and re-serialized, always http: or https:. */
  href: string;
}

/** The http(s) links in a text, in order. Anything that does not parse as a web address stays text. */
export function findLinks(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const match of text.matchAll(LINK_START)) {
    const raw = trimLink(match[0]);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') continue;
    found.push({ start: match.index, end: match.index + raw.length, href: url.href });
  }
  return found;
}

export function countLinks(text: string): number {
  return findLinks(text).length;
}

function segmentsOf(paragraph: string): Paragraph {
  const segments: Paragraph = [];
  let at = 0;
  for (const link of findLinks(paragraph)) {
    if (link.start > at) segments.push({ text: paragraph.slice(at, link.start) });
    segments.push({ href: link.href, text: paragraph.slice(link.start, link.end) });
    at = link.end;
  }
  if (at < paragraph.length) segments.push({ text: paragraph.slice(at) });
  return segments;
}

/**
 * A comment as paragraphs (split at blank lines) of text and link segments. Render links as
 * `<a href={href} rel="nofollow ugc noopener">{text}</a>` and text as text: nothing here is HTML.
 */
export function commentParagraphs(body: string): Paragraph[] {
  return normalizeCommentText(body)
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.replace(/[^\S\n]+$/gm, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map(segmentsOf);
}

// Soft hyphens and zero-width characters hide a word from a naive match ("sp\u200bam"): ignored when screening.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const screenable = (text: string) => text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which of `words` (single words or phrases) the text contains as whole words, ignoring case, width
 * variants and invisible characters: "class" does not match "classic", "buy now" matches "Buy  NOW".
 */
export function listedWordsIn(text: string, words: readonly string[]): string[] {
  const haystack = screenable(text);
  const found: string[] = [];
  for (const word of words) {
    const needle = screenable(word).trim();
    if (!needle) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${needle.split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}_])`, 'u');
    if (pattern.test(haystack)) found.push(word);
  }
  return found;
}

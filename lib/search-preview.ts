// The search-result preview beside the SEO fields: what Google is likely to show for a story. Shared with
// the editor (client), so no 'server-only'. Google cuts by pixel width; characters are a fair stand-in.

export const TITLE_LIMIT = 60;
export const DESCRIPTION_LIMIT = 158;

/** `text` cut at a word boundary to at most `limit` characters, with an ellipsis when anything was cut. */
export function truncateForSearch(text: string, limit: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  // The last space within the limit ends the last whole word that fits, with room left for the ellipsis.
  const space = clean.slice(0, limit).lastIndexOf(' ');
  // A single very long word is cut mid-word rather than dropped.
  const kept = space > limit * 0.6 ? clean.slice(0, space) : clean.slice(0, limit - 1);
  return `${kept.replace(/[\s,;:.–—-]+$/, '')}…`;
}

export interface SearchPreviewInput {
  siteName: string;
  siteUrl: string;
  slug: string;
  title: string;
  seoTitle: string;
  dek: string;
  seoDescription: string;
  bodyText: string;
}

export interface SearchPreview {
  title: string;
  /** The address as Google prints it: host › path › parts. */
  breadcrumb: string;
  description: string;
  /** Whether the title or description will be cut short. */
  titleCut: boolean;
  descriptionCut: boolean;
}

/** Same fallbacks as the article page's metadata (lib/seo.ts): SEO title, else title; SEO description, else dek, else the text. */
export function searchPreview(input: SearchPreviewInput): SearchPreview {
  const fullTitle = `${input.seoTitle.trim() || input.title.trim() || 'Untitled story'} — ${input.siteName}`;
  const fullDescription = (input.seoDescription.trim() || input.dek.trim() || input.bodyText.slice(0, 160)).replace(/\s+/g, ' ').trim();
  let host = input.siteUrl;
  try {
    host = new URL(input.siteUrl).host;
  } catch {
    // keep what we were given
  }
  return {
    title: truncateForSearch(fullTitle, TITLE_LIMIT),
    breadcrumb: [host, 'articles', input.slug || 'your-story'].join(' › '),
    description: truncateForSearch(fullDescription, DESCRIPTION_LIMIT),
    titleCut: fullTitle.length > TITLE_LIMIT,
    descriptionCut: fullDescription.length > DESCRIPTION_LIMIT,
  };
}

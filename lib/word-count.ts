// The editor's live word count (client). Same rule as the server's `countWords` in lib/document.ts, which
// is server-only: a word is a run of non-space characters holding a letter or a digit.
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

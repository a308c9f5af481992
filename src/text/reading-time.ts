/**
 * Reading time of an article from its Markdown/MDX source.
 * Vietnamese is written one syllable per space-separated token, so we count tokens
 * (tiếng) and read at READING_SPEED tokens a minute, a typical adult reading rate for Vietnamese.
 * Pure and cheap (a few regular expressions over the body), computed once per article.
 */

/** Space-separated tokens (Vietnamese syllables) read per minute. */
export const READING_SPEED = 230;

export interface ReadingTime {
  /** Tokens of visible text counted. */
  words: number;
  /** Whole minutes, at least 1. */
  minutes: number;
}

/** Strip what a reader does not read: code, tags, MDX expressions, link targets, Markdown marks. */
export function visibleText(markdown: string): string {
  return (
    markdown
      // Frontmatter, if the body still carries it.
      .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '')
      // Fenced code blocks.
      .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
      // MDX import/export lines.
      .replace(/^(import|export)\s.*$/gm, ' ')
      // HTML comments and tags (MDX components too); their text content stays.
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
      // MDX expressions.
      .replace(/\{[^{}]*\}/g, ' ')
      // Images: keep nothing (alt text is not read as body text).
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      // Links: keep the text, drop the target.
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, ' ')
      // Bare URLs.
      .replace(/https?:\/\/\S+/g, ' ')
      // Markdown punctuation.
      .replace(/[#>*_~`|]+/g, ' ')
  );
}

/** Count readable tokens: runs containing at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

export function readingTime(markdown: string, speed = READING_SPEED): ReadingTime {
  const words = countWords(visibleText(markdown));
  return { words, minutes: Math.max(1, Math.round(words / speed)) };
}

/** "3 phút đọc" */
export function formatReadingTime(rt: ReadingTime): string {
  return `${rt.minutes} phút đọc`;
}

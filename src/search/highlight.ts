/**
 * Excerpts with highlighted terms, computed from a result's text so that words matched through
 * the folded field (đ → d) are highlighted too — Pagefind's own excerpt only marks words it
 * matched in the content. Returns segments; the client renders them as text nodes and <mark>,
 * never as HTML.
 */
import { foldForMatch } from '#src/text/vietnamese.ts';
import { foldDStroke } from './fold.ts';

export interface ExcerptSegment {
  text: string;
  mark: boolean;
}

const strip = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
const fold = (word: string) => foldForMatch(foldDStroke(strip(word)));

/** Folded query terms; quotes and punctuation dropped. */
export function queryTerms(query: string): string[] {
  return query
    .split(/\s+/)
    .map(fold)
    .filter((t) => t.length > 0);
}

/** Whether a text word matches a folded term: equal, or starts with it (Pagefind's prefix match). */
export function wordMatches(word: string, terms: readonly string[]): boolean {
  const w = fold(word);
  return w.length > 0 && terms.some((t) => w === t || w.startsWith(t));
}

/**
 * An excerpt of about `length` words around the window of `content` that matches the most
 * distinct query terms (ties: earliest), with matching words marked.
 */
export function buildExcerpt(content: string, query: string, length = 30): ExcerptSegment[] {
  const words = content.split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const terms = queryTerms(query);
  const hits = words.map((w) => {
    if (!terms.length) return -1;
    const f = fold(w);
    return f ? terms.findIndex((t) => f === t || f.startsWith(t)) : -1;
  });
  let bestStart = 0;
  let bestScore = -1;
  if (terms.length) {
    for (let start = 0; start < Math.max(1, words.length - length + 1); start++) {
      const seen = new Set<number>();
      let count = 0;
      for (let i = start; i < Math.min(words.length, start + length); i++) {
        const h = hits[i] ?? -1;
        if (h >= 0) {
          seen.add(h);
          count++;
        }
      }
      const score = seen.size * 1000 + count;
      if (score > bestScore) {
        bestScore = score;
        bestStart = start;
      }
      if (seen.size === terms.length && count >= length / 3) break;
    }
    // Start a few words before the first hit so the reader sees context.
    const firstHit = hits.findIndex((h, i) => i >= bestStart && h >= 0);
    if (firstHit >= 0) bestStart = Math.max(0, firstHit - 5);
  }
  const slice = words.slice(bestStart, bestStart + length);
  const segments: ExcerptSegment[] = [];
  const push = (text: string, mark: boolean) => {
    const prev = segments.at(-1);
    if (prev && prev.mark === mark) prev.text += text;
    else segments.push({ text, mark });
  };
  if (bestStart > 0) push('… ', false);
  slice.forEach((word, i) => {
    if (i > 0) push(' ', false);
    push(word, (hits[bestStart + i] ?? -1) >= 0);
  });
  if (bestStart + length < words.length) push(' …', false);
  return segments;
}

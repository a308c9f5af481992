/**
 * "Did you mean": the existing ids closest to what an editor wrote (a unit id with a typo, an
 * award form without tone marks, a unit's name where its id belongs, a misspelt field name).
 *
 * Everything is compared in a folded form (vietnameseSlug: no tone marks, đ → d, lower case, words
 * joined by "-", camelCase split), against each candidate's id and its names (a unit's name, short
 * name and aliases; a form's label; a field's label). Two measures, either may match:
 * - the Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap
 *   two neighbours) of the whole folded strings, at most a fifth of the longer one (at least 1);
 * - the words in common (Jaccard index), more than half of all words, where two words of five
 *   letters or more count as the same at distance 1: swapped words, one word too many or too few.
 * At most three suggestions, best first; none when nothing is close. Pure; see
 * tests/unit/suggest.test.ts.
 */
import { vietnameseSlug } from './vietnamese.ts';

/** Something an editor may have meant: its id and the names it also goes by. */
export interface SuggestionCandidate {
  id: string;
  /** Names, labels, aliases (any script, with or without tone marks). */
  names?: readonly (string | undefined)[];
  /** Shown after the id in a message: "bang-khen (Bằng khen)". */
  label?: string;
}

/** A suggestion, with how close it was (1: the same once folded). */
export interface Suggestion {
  id: string;
  label?: string;
  score: number;
}

interface Form {
  folded: string;
  tokens: string[];
  words: ReadonlySet<string>;
}

const MAX_SUGGESTIONS = 3;
/** Forms longer than this are compared by their words only (the distance costs length²). */
const MAX_EDIT_LENGTH = 120;

/** The folded form of a text: "Công đoàn VKSND" → "cong-doan-vksnd", "publishedAt" → "published-at". */
export function foldedKey(text: string): string {
  return vietnameseSlug(text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' '), 400);
}

const formOf = (text: string): Form => {
  const folded = foldedKey(text);
  const tokens = folded ? [...new Set(folded.split('-'))] : [];
  return { folded, tokens, words: new Set(tokens) };
};

/**
 * Damerau-Levenshtein distance (optimal string alignment), or `limit + 1` as soon as it is
 * certain to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rows of the matrix: two rows back (for a swap), the row before, this row.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(before[j]! + 1, row[j - 1]! + 1, before[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        d = Math.min(d, twoBack[j - 2]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [twoBack, before, row] = [before, row, twoBack];
  }
  return before[b.length]!;
}

/**
 * Words in common over all words (Jaccard), a near-miss word of five letters or more counting as
 * the same; 0 as soon as it cannot exceed one half (the only values `closeness` uses), which keeps
 * a lookup among 10,000 article titles to a few set look-ups per title.
 */
function wordOverlap(a: Form, b: Form): number {
  const na = a.tokens.length;
  const nb = b.tokens.length;
  if (na === 0 || nb === 0 || Math.min(na, nb) * 2 <= Math.max(na, nb)) return 0;
  const leftA = a.tokens.filter((t) => !b.words.has(t));
  const leftB = b.tokens.filter((t) => !a.words.has(t));
  const exact = na - leftA.length;
  const longA = leftA.filter((t) => t.length >= 5);
  const longB = leftB.filter((t) => t.length >= 5);
  const jaccard = (common: number) => common / (na + nb - common);
  if (jaccard(exact + Math.min(longA.length, longB.length)) <= 0.5) return 0;
  let common = exact;
  for (const word of longA) {
    const at = longB.findIndex((other) => editDistance(word, other, 1) <= 1);
    if (at >= 0) {
      common++;
      longB.splice(at, 1);
    }
  }
  return jaccard(common);
}

/** How close `input` is to `target` (0: not close at all, 1: the same once folded). */
function closeness(input: Form, target: Form): number {
  if (!input.folded || !target.folded) return 0;
  if (input.folded === target.folded) return 1;
  let score = 0;
  const longest = Math.max(input.folded.length, target.folded.length);
  if (
    longest <= MAX_EDIT_LENGTH &&
    Math.abs(input.folded.length - target.folded.length) <= Math.max(1, Math.floor(longest / 5))
  ) {
    const limit = Math.max(1, Math.floor(longest / 5));
    const d = editDistance(input.folded, target.folded, limit);
    if (d <= limit) score = 1 - d / (longest + 1);
  }
  const overlap = wordOverlap(input, target);
  // Words alone never beat a near-identical spelling: scaled below the distance's range.
  if (overlap > 0.5) score = Math.max(score, 0.9 * overlap);
  return score;
}

/**
 * The candidates closest to what was written, ready to ask again: build it once for a set of
 * candidates (a collection's ids, a vocabulary, a schema's fields) and ask for each mistake.
 */
export class Suggester {
  private readonly candidates: { id: string; label?: string; forms: Form[] }[];
  private readonly memo = new Map<string, Suggestion[]>();

  constructor(candidates: Iterable<SuggestionCandidate>) {
    this.candidates = [...candidates].map((c) => ({
      id: c.id,
      ...(c.label !== undefined ? { label: c.label } : {}),
      forms: [c.id, ...(c.names ?? [])].filter((n): n is string => !!n).map(formOf),
    }));
  }

  /** Up to three candidates close to `input`, best first (ties: in the candidates' order). */
  suggest(input: string): Suggestion[] {
    const cached = this.memo.get(input);
    if (cached) return cached;
    const form = formOf(input);
    const found: Suggestion[] = [];
    for (const c of this.candidates) {
      if (c.id === input) continue;
      let score = 0;
      for (const f of c.forms) score = Math.max(score, closeness(form, f));
      if (score > 0) found.push({ id: c.id, ...(c.label !== undefined ? { label: c.label } : {}), score });
    }
    const best = found.sort((a, b) => b.score - a.score).slice(0, MAX_SUGGESTIONS);
    this.memo.set(input, best);
    return best;
  }
}

/** The candidates closest to `input` (see Suggester). */
export function suggest(input: string, candidates: Iterable<SuggestionCandidate>): Suggestion[] {
  return new Suggester(candidates).suggest(input);
}

/**
 * The question a message asks: "Có phải bạn muốn: `a`?" or "Có phải bạn muốn: `a`, `b` hay `c`?",
 * each with its label when it has one; "" when there is nothing to suggest.
 */
export function didYouMean(suggestions: readonly Pick<Suggestion, 'id' | 'label'>[]): string {
  if (suggestions.length === 0) return '';
  const shown = suggestions.map((s) => `\`${s.id}\`${s.label && s.label !== s.id ? ` (${s.label})` : ''}`);
  const list = shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} hay ${shown.at(-1)!}`;
  return `Có phải bạn muốn: ${list}?`;
}

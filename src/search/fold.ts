/**
 * Accent-insensitive search that never misses, on top of Pagefind 1.6.
 *
 * Pagefind folds tone and vowel marks itself (NFD, combining marks dropped), but `đ`/`Đ` have no
 * Unicode decomposition, so "đoàn" is indexed as "đoan" and the reader's "doan" never reaches it.
 * Worse, when no indexed word starts with a query term, Pagefind falls back to the longest indexed
 * word that is a *prefix* of the term: "doan" silently becomes "do" (the everyday word "do",
 * "by/because"). So `cong doan` only "finds" pages that happen to contain "do" — a page without
 * that word is missed although it says "Công đoàn" dozens of times. (Seed 000 is such a page.)
 *
 * Fix, index side: every word of the indexed text that contains a d-stroke letter (đ Đ, and the
 * look-alike Icelandic eth ð Ð that copy-paste sometimes brings) is added once, with the letter
 * replaced by d/D, to a hidden metadata field (`dfold`). Pagefind searches metadata since 1.5,
 * applies its own tone folding to it, and excerpts stay clean because metadata is not content.
 * Fix, query side: a query containing such a letter is also run with the letter replaced when the
 * query as typed finds less than a page of results; the extra pages are appended after the exact
 * ones (see search-merge.ts). Always running both doubled the time of broad queries on a
 * 10,000-page archive and only added pages spelt with a plain d, which the reader did not type.
 */

/** Metadata field holding the d-folded words of a page (never shown to readers). */
export const DFOLD_META = 'dfold';

/** Letters with no Unicode decomposition that readers type as plain d. */
const D_STROKE = /[đĐðÐ]/;
const D_STROKE_ALL = /[đĐðÐ]/g;
/** Whitespace-separated words (no-break and other odd spaces included) with a d-stroke letter. */
const D_STROKE_WORDS = /[^\s\u00a0\u2007\u202f\u2009\u200a\u3000]*[đĐðÐ][^\s\u00a0\u2007\u202f\u2009\u200a\u3000]*/g;

/** Replace đ Đ ð Ð by d/D, keeping every other character (tone marks included). */
export function foldDStroke(text: string): string {
  return text.replace(D_STROKE_ALL, (c) => (c === 'đ' || c === 'ð' ? 'd' : 'D'));
}

/** Whether a query needs the second, d-folded search. */
export function hasDStroke(text: string): boolean {
  return D_STROKE.test(text);
}

/** The reader's query as typed, cleaned: NFC, odd spaces → space, trimmed, single spaces. */
export function cleanQuery(query: string): string {
  return query
    .normalize('NFC')
    .replace(/[\s\u00a0\u2007\u202f\u2009\u200a\u3000]+/g, ' ')
    .trim();
}

/** The d-folded variant of a query, or null when it would be the same query. */
export function foldedQuery(query: string): string | null {
  const clean = cleanQuery(query);
  return hasDStroke(clean) ? foldDStroke(clean) : null;
}

/**
 * The `dfold` field for a page: each distinct whitespace-separated word containing a d-stroke
 * letter, folded. Words keep their punctuation and tone marks so Pagefind splits and folds them
 * exactly as it does the original words.
 */
export function dFoldField(text: string): string {
  const seen = new Set<string>();
  // Only words containing a d-stroke letter matter: find them directly instead of splitting all.
  for (const [word] of text.normalize('NFC').matchAll(D_STROKE_WORDS)) {
    seen.add(foldDStroke(word).toLowerCase());
    // The look-alike eth (ð Ð) also under its Vietnamese spelling, so "đảng" finds "Ðảng".
    if (/[ðÐ]/.test(word)) seen.add(word.replace(/ð/g, 'đ').replace(/Ð/g, 'Đ').toLowerCase());
  }
  return [...seen].join(' ');
}

// ---------------------------------------------------------------------------------------------
// Indexed-text extraction: the text Pagefind will index, from a built page's HTML.
// A deliberately small tokenizer for Astro's well-formed output: it honours data-pagefind-body
// (only those elements when any exists, as Pagefind does) and data-pagefind-ignore, and skips
// the elements Pagefind never indexes.
// ---------------------------------------------------------------------------------------------

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/** Elements whose text is never indexed (raw text or Pagefind's built-in exclusions). */
const SKIP = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'form',
  'button',
  'select',
  'textarea',
  'head',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const TAG =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!doctype[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const SCRIPT_END = /<\/script/gi;
const STYLE_END = /<\/style/gi;
const hasAttr = (attrs: string, name: string) => new RegExp(`(^|\\s)${name}(\\s|=|/|$)`).test(attrs);

export interface IndexedText {
  /** Whether the page has any data-pagefind-body element. */
  hasBody: boolean;
  /** The text Pagefind indexes (body elements only when present), ignore-subtrees removed. */
  text: string;
  /** Whether the page carries a `date` sort key (data-pagefind-sort="date:…"). */
  hasDateSort: boolean;
}

/** Extract the indexed text of a built HTML page. */
export function extractIndexedText(html: string): IndexedText {
  const bodyHtml = html.includes('data-pagefind-body');
  const hasDateSort = /data-pagefind-sort=["']date[:[]/.test(html);
  const out: string[] = [];
  // Open elements, with counters of how many of them are body / ignored / skipped elements.
  const stack: { name: string; body: boolean; ignore: boolean; skip: boolean }[] = [];
  let bodyDepth = 0;
  let ignoreDepth = 0;
  let skipDepth = 0;
  let last = 0;
  const flush = (end: number) => {
    if (end > last && (bodyDepth > 0 || !bodyHtml) && ignoreDepth === 0 && skipDepth === 0)
      out.push(html.slice(last, end));
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    flush(m.index);
    last = TAG.lastIndex;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, doctype
    const attrs = m[3] ?? '';
    out.push(' '); // tag boundaries separate words
    if (m[1] === '/') {
      // Pop to the matching element (tolerates unclosed children); stray closers are ignored.
      let at = stack.length - 1;
      while (at >= 0 && stack[at]!.name !== name) at--;
      while (at >= 0 && stack.length > at) {
        const frame = stack.pop()!;
        if (frame.body) bodyDepth--;
        if (frame.ignore) ignoreDepth--;
        if (frame.skip) skipDepth--;
      }
      continue;
    }
    if (VOID.has(name) || attrs.trimEnd().endsWith('/')) continue;
    const frame = {
      name,
      body: attrs.includes('data-pagefind-body') && hasAttr(attrs, 'data-pagefind-body'),
      ignore: attrs.includes('data-pagefind-ignore') && hasAttr(attrs, 'data-pagefind-ignore'),
      skip: SKIP.has(name),
    };
    stack.push(frame);
    if (frame.body) bodyDepth++;
    if (frame.ignore) ignoreDepth++;
    if (frame.skip) skipDepth++;
    if (name === 'script' || name === 'style') {
      // Raw text: jump to the closing tag.
      const closeTag = name === 'script' ? SCRIPT_END : STYLE_END;
      closeTag.lastIndex = TAG.lastIndex;
      const close = closeTag.exec(html);
      TAG.lastIndex = close ? close.index : html.length;
      last = TAG.lastIndex;
    }
  }
  flush(html.length);
  return { hasBody: bodyHtml, text: decodeEntities(out.join('')).replace(/\s+/g, ' ').trim(), hasDateSort };
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Fallback sort key for pages without a date: sorts last in "newest first". */
export const UNDATED_SORT_KEY = '0000-00-00';

/** Block-level elements whose text Pagefind would glue to the next element's text. */
const BLOCK_END =
  /<\/(dt|dd|li|td|th|tr|p|div|h[1-6]|section|article|aside|header|footer|figcaption|figure|blockquote|caption|summary|details|nav|ul|ol|dl|table|address)>(?=<)/gi;

/**
 * A space after each block-level closing tag directly followed by another tag. Astro writes
 * compact HTML (`<dt>Hình thức</dt><dd>Bằng khen</dd>`) and Pagefind then indexes "thứcBằng" as
 * one word, which breaks both search and excerpts. Inline tags are left alone (a word may span them).
 */
export function separateBlocks(html: string): string {
  return html.replace(BLOCK_END, '$& ');
}

/**
 * The HTML handed to Pagefind (never the published file): the page plus, right inside its first
 * data-pagefind-body element, the `dfold` metadata and, when missing, a fallback date sort key;
 * block elements separated by a space (separateBlocks).
 * Attribute-only elements add no indexed content and nothing to excerpts.
 */
export function withSearchExtras(html: string, extras: { dfold: string; addDateSort: boolean }): string {
  html = separateBlocks(html);
  const tags: string[] = [];
  if (extras.dfold) tags.push(`<span hidden data-pagefind-meta="${DFOLD_META}:${escapeAttr(extras.dfold)}"></span>`);
  if (extras.addDateSort) tags.push(`<span hidden data-pagefind-sort="date:${UNDATED_SORT_KEY}"></span>`);
  if (!tags.length) return html;
  const body = /<[a-zA-Z][\w-]*(?:[^>"']|"[^"]*"|'[^']*')*\sdata-pagefind-body(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(html);
  if (body) return html.slice(0, body.index + body[0].length) + tags.join('') + html.slice(body.index + body[0].length);
  const bodyTag = /<body(?:[^>"']|"[^"]*"|'[^']*')*>/i.exec(html);
  if (bodyTag)
    return (
      html.slice(0, bodyTag.index + bodyTag[0].length) + tags.join('') + html.slice(bodyTag.index + bodyTag[0].length)
    );
  return html + tags.join('');
}

/**
 * Vietnamese text helpers: NFC normalisation, tone-mark folding and slugs.
 * Pure functions; see tests/unit/vietnamese.test.ts.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC-normalise and turn no-break and other odd spaces into plain spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/[\u00a0\u2007\u202f\u2009\u200a\u3000]/g, ' ');
}

/**
 * Drop tone and vowel marks and turn đ/Đ into d/D: "Công đoàn" → "Cong doan".
 * `đ` has no Unicode decomposition, so NFD alone leaves it in place; it is mapped explicitly.
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** Lower-case folded form for matching: "Công Đoàn" → "cong doan". */
export function foldForMatch(text: string): string {
  return foldVietnamese(normalizeText(text)).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** URL slug: marks dropped, đ → d, lower case, runs of other characters → "-". */
export function vietnameseSlug(text: string, maxLength = 80): string {
  const slug = foldVietnamese(normalizeText(text))
    .toLowerCase()
    .replace(/&/g, ' va ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** Whether text is already NFC (editors' files must be). */
export function isNfc(text: string): boolean {
  return text === text.normalize('NFC');
}

/** Vietnamese collation for sorting names. */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * Characters an editor's text never needs and that break or disguise what is published: C0/C1
 * control characters other than tab and line breaks (U+001B and the like make RSS and the share
 * images' SVG ill-formed XML), and the bidi embeddings, overrides, isolates and marks
 * (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) that make text read differently from what it
 * holds. The importer strips the bidi set (src/importer/text-repair.ts); the schemas refuse both.
 */
const UNSAFE_CHARACTER =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The first unsafe character of `text` as "U+001B", or undefined when there is none. */
export function unsafeCharacter(text: string): string | undefined {
  const m = UNSAFE_CHARACTER.exec(text);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

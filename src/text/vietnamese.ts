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

/**
 * Lookup keys for what readers type to find an award record: decision numbers and people's
 * names, however they are written. "38/QĐ-VKSTC", "38/QD-VKSTC", "38 qđ vkstc", "38/qd-vkstc"
 * and "38QĐ-VKSTC" all become "38 qd vkstc"; "Nguyễn Văn Á" and "nguyen van a" both become
 * "nguyen van a". Used by the award explorer in the browser. (Site search needs no such key:
 * Pagefind splits "38/QĐ-VKSTC" at "/" and "-" itself and the d-folding of src/search/fold.ts
 * lets "qd" reach "qđ"; tests/browser/award-explorer.test.ts checks the four written forms.)
 * Pure; see tests/unit/lookup-keys.test.ts.
 */
import { foldVietnamese, normalizeText } from './vietnamese.ts';

/**
 * Tokens separated by single spaces: NFC, tone marks dropped, đ (and the look-alike ð) → d, lower case, every run of
 * other characters (slashes, hyphens, dots, spaces) a separator, and a letter–digit boundary
 * too ("38QĐ" → "38 qd"), so a forgotten slash does not matter.
 */
export function lookupKey(text: string): string {
  return foldVietnamese(normalizeText(text))
    .toLowerCase()
    .replace(/ð/g, 'd')
    .replace(/([0-9])(?=[a-z])|([a-z])(?=[0-9])/g, '$1$2 ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The key of a decision number ("38/QĐ-VKSTC" → "38 qd vkstc"). */
export const decisionNumberKey = lookupKey;

/** The key of a person's or unit's name ("Nguyễn Văn Á" → "nguyen van a"). */
export const nameKey = lookupKey;

/**
 * Whether a key (of a record) contains the query's key starting at a token boundary: "38 qd"
 * finds "38 qd vkstc" but not "138 qd vkstc"; "van a" finds "nguyen van an". An empty query
 * matches everything.
 */
export function keyMatches(recordKey: string, queryKey: string): boolean {
  if (queryKey === '') return true;
  return ` ${recordKey}`.includes(` ${queryKey}`);
}

/**
 * Repairs for scraped Vietnamese text: NFC, odd spaces, invisible characters, and the
 * mojibake old portals leave behind. Pure functions.
 */

/** Windows-1252 characters in 0x80–0x9F, mapped back to their byte. */
const CP1252_REVERSE: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Typical signs of UTF-8 read as Latin-1/Windows-1252: "CÃ´ng Ä‘oÃ n", "á»‡". */
const CP = '\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const DOUBLE_ENCODED = new RegExp(`(?:Ã[${CP}]|Ä[${CP}]|Æ[${CP}]|á[º»¹¸][${CP}])`, 'g');

function countMatches(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

/**
 * Undo UTF-8 that was decoded as Windows-1252 (and saved again), when the text clearly is
 * such mojibake. Returns the text unchanged when it is not, or when undoing fails.
 */
export function repairDoubleEncoding(text: string): string {
  const before = countMatches(text, DOUBLE_ENCODED);
  if (before < 2) return text;
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) bytes.push(code);
    else if (CP1252_REVERSE[ch] !== undefined) bytes.push(CP1252_REVERSE[ch]);
    else return text; // a real character beyond Windows-1252: not a clean double encoding
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    return countMatches(decoded, DOUBLE_ENCODED) < before ? decoded : text;
  } catch {
    return text;
  }
}

/**
 * Invisible characters that reorder or hide text, never wanted in an article: the bidi embeddings,
 * overrides and isolates (U+202A–202E, U+2066–2069) and marks (U+200E, U+200F, U+061C), which can
 * make a title read differently from what it holds ("Trojan source"); the invisible mathematical
 * operators (U+2061–2064), the deprecated format characters (U+206A–206F), the interlinear
 * annotation marks (U+FFF9–FFFB), the Mongolian vowel separator (U+180E), and the tag characters
 * (U+E0000–E007F, which can carry a hidden copy of any ASCII text). Left alone: variation
 * selectors (emoji), and ZWJ/ZWNJ where they join (repairText).
 */
const HIDDEN_CONTROLS =
  /[\u061c\u180e\u200e\u200f\u202a-\u202e\u2061-\u2064\u2066-\u206f\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

/** Remove HIDDEN_CONTROLS from a text, counting them (for the per-file report). */
export function stripHiddenControls(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(HIDDEN_CONTROLS, () => {
    count++;
    return '';
  });
  return { text: out, count };
}

const JOINERS = /[\u200c\u200d]+/g;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
/** A letter or mark of a script that shapes with ZWJ/ZWNJ (Arabic, Persian, Devanagari…). */
const SHAPING = /[[\p{L}\p{M}]--[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]]/v;

/**
 * Zero-width joiner and non-joiner: kept between two emoji (👨‍👩‍👧) or two letters of a
 * script that shapes with them; between Latin letters, spaces or at an edge they are scraping
 * debris, like the zero-width space, and are dropped.
 */
function dropStrayJoiners(text: string): string {
  return text.replace(JOINERS, (run, at: number) => {
    const before = [...text.slice(Math.max(0, at - 2), at)].at(-1) ?? '';
    const after = String.fromCodePoint(text.codePointAt(at + run.length) ?? 0x20);
    const joins =
      (EMOJI.test(before) && /\p{Extended_Pictographic}/u.test(after)) || (SHAPING.test(before) && SHAPING.test(after));
    return joins ? run : '';
  });
}

/**
 * Clean one text: double encoding undone, NFC, no-break and odd spaces → space, invisible
 * characters (HIDDEN_CONTROLS, zero-width spaces, stray joiners, soft hyphens) and stray "¬"
 * (a legacy-font artefact: "n¬¬ước") dropped, CRLF → LF.
 */
export function repairText(input: string): string {
  let text = repairDoubleEncoding(input.replace(/^\uFEFF/, ''));
  text = dropStrayJoiners(text)
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f\u2009\u200a\u3000\u2002\u2003\u2004\u2005\u2006\u2008]/g, ' ')
    .replace(HIDDEN_CONTROLS, '')
    .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
    // "¬" inside or at the edge of a word is never meant: "n¬¬ước" → "nước".
    .replace(/(?<=\p{L})¬+|¬+(?=\p{L})/gu, '')
    .replace(/\t/g, '    ')
    // Control characters other than newline.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return text.normalize('NFC');
}

/** Collapse runs of spaces and trim. */
export function squeeze(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

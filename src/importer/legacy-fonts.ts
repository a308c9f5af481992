/**
 * Vietnamese typed in the legacy 8-bit font encodings TCVN3 (ABC, fonts ".VnTime", ".VnArial"…)
 * and VNI (fonts "VNI-Times", "VNI-Helve"…), then read as Latin-1/Windows-1252: "C«ng ®oµn" and
 * "Coâng ñoaøn" for "Công đoàn". Old portals are full of it. Repaired only when the whole text
 * says so (the repaired words are Vietnamese syllables to a high share and the original words
 * are not); a text that merely looks suspicious is reported, never half-repaired. Pure.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** TCVN3 (TCVN 5712:1993 VN3, the ABC fonts): the byte (read as a Latin-1 character) → the letter. */
const TCVN3: Record<string, string> = {
  '\u00a1': 'Ă',
  '\u00a2': 'Â',
  '\u00a3': 'Ê',
  '\u00a4': 'Ô',
  '\u00a5': 'Ơ',
  '\u00a6': 'Ư',
  '\u00a7': 'Đ',
  '\u00a8': 'ă',
  '\u00a9': 'â',
  '\u00aa': 'ê',
  '\u00ab': 'ô',
  '\u00ac': 'ơ',
  '\u00ad': 'ư',
  '\u00ae': 'đ',
  '\u00b5': 'à',
  '\u00b6': 'ả',
  '\u00b7': 'ã',
  '\u00b8': 'á',
  '\u00b9': 'ạ',
  '\u00bb': 'ằ',
  '\u00bc': 'ẳ',
  '\u00bd': 'ẵ',
  '\u00be': 'ắ',
  '\u00c6': 'ặ',
  '\u00c7': 'ầ',
  '\u00c8': 'ẩ',
  '\u00c9': 'ẫ',
  '\u00ca': 'ấ',
  '\u00cb': 'ậ',
  '\u00cc': 'è',
  '\u00ce': 'ẻ',
  '\u00cf': 'ẽ',
  '\u00d0': 'é',
  '\u00d1': 'ẹ',
  '\u00d2': 'ề',
  '\u00d3': 'ể',
  '\u00d4': 'ễ',
  '\u00d5': 'ế',
  '\u00d6': 'ệ',
  '\u00d7': 'ì',
  '\u00d8': 'ỉ',
  '\u00dc': 'ĩ',
  '\u00dd': 'í',
  '\u00de': 'ị',
  '\u00df': 'ò',
  '\u00e1': 'ỏ',
  '\u00e2': 'õ',
  '\u00e3': 'ó',
  '\u00e4': 'ọ',
  '\u00e5': 'ồ',
  '\u00e6': 'ổ',
  '\u00e7': 'ỗ',
  '\u00e8': 'ố',
  '\u00e9': 'ộ',
  '\u00ea': 'ờ',
  '\u00eb': 'ở',
  '\u00ec': 'ỡ',
  '\u00ed': 'ớ',
  '\u00ee': 'ợ',
  '\u00ef': 'ù',
  '\u00f1': 'ủ',
  '\u00f2': 'ũ',
  '\u00f3': 'ú',
  '\u00f4': 'ụ',
  '\u00f5': 'ừ',
  '\u00f6': 'ử',
  '\u00f7': 'ữ',
  '\u00f8': 'ứ',
  '\u00f9': 'ự',
  '\u00fa': 'ỳ',
  '\u00fb': 'ỷ',
  '\u00fc': 'ỹ',
  '\u00fd': 'ý',
  '\u00fe': 'ỵ',
};
const TCVN3_CHARS = new RegExp(`[${Object.keys(TCVN3).join('')}]`, 'gu');

/** Combining marks, composed with NFC. */
const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/**
 * VNI Windows: a vowel is its base letter followed by one mark character, in the case of the
 * letter ("aø" = "à", "AØ" = "À", "oâ" = "ô", "aê" = "ă", "aù" = "á", "aá" = "ấ", "aé" = "ắ").
 * Keys are lower case; the upper-case form of each key is the same mark.
 */
const VNI_TONE: Record<string, string> = { ø: GRAVE, ù: ACUTE, û: HOOK, õ: TILDE, ï: DOT };
/** After a, e, o: the circumflex, alone or with a tone. */
const VNI_CIRCUMFLEX: Record<string, string> = {
  â: CIRCUMFLEX,
  á: CIRCUMFLEX + ACUTE,
  à: CIRCUMFLEX + GRAVE,
  å: CIRCUMFLEX + HOOK,
  ã: CIRCUMFLEX + TILDE,
  ä: CIRCUMFLEX + DOT,
};
/** After a: the breve, alone or with a tone. */
const VNI_BREVE: Record<string, string> = {
  ê: BREVE,
  é: BREVE + ACUTE,
  è: BREVE + GRAVE,
  ú: BREVE + HOOK,
  ü: BREVE + TILDE,
  ë: BREVE + DOT,
};
/** Characters that stand for a whole letter in VNI. "ô"/"ö" are also bases taking a tone ("ôù" = "ớ"). */
const VNI_LETTER: Record<string, string> = {
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  ñ: 'đ',
  Ñ: 'Đ',
  æ: 'ỉ',
  Æ: 'Ỉ',
  ó: 'ĩ',
  Ó: 'Ĩ',
  ò: 'ị',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ',
};
const VNI_BASES = 'aeiouyAEIOUYôöÔÖ';
const VNI_MARKS = `${Object.keys({ ...VNI_TONE, ...VNI_CIRCUMFLEX, ...VNI_BREVE }).join('')}`;
const VNI_SEQUENCE = new RegExp(
  `([${VNI_BASES}])([${VNI_MARKS}${VNI_MARKS.toUpperCase()}])|[${Object.keys(VNI_LETTER).join('')}]`,
  'gu',
);

function vniPair(base: string, mark: string): string | null {
  const m = mark.toLowerCase();
  const lower = base.toLowerCase();
  let letter = VNI_LETTER[base] ?? base;
  let marks: string | undefined;
  if (VNI_TONE[m] !== undefined) marks = VNI_TONE[m];
  else if (VNI_CIRCUMFLEX[m] !== undefined && 'aeo'.includes(lower)) marks = VNI_CIRCUMFLEX[m];
  else if (VNI_BREVE[m] !== undefined && lower === 'a') marks = VNI_BREVE[m];
  if (marks === undefined) return null;
  letter = letter.normalize('NFD');
  return `${letter}${marks}`.normalize('NFC');
}

/** Text read as TCVN3 (each legacy character mapped; everything else kept). */
export function fromTcvn3(text: string): string {
  return text.replace(TCVN3_CHARS, (c) => TCVN3[c]!);
}

/** Text read as VNI Windows. */
export function fromVni(text: string): string {
  return text.replace(VNI_SEQUENCE, (whole, base: string | undefined, mark: string | undefined) => {
    if (base && mark) {
      const pair = vniPair(base, mark);
      if (pair) return pair;
      return (VNI_LETTER[base] ?? base) + (VNI_LETTER[mark] ?? mark);
    }
    return VNI_LETTER[whole] ?? whole;
  });
}

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS =
  '(?:iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|uêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const FINAL = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${INITIAL}${NUCLEUS}${FINAL}$`, 'u');
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Whether a word (letters only) is a Vietnamese syllable: initial, vowel nucleus, final, at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  if ((nfd.match(TONES) ?? []).length > 1) return false;
  return SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'));
}

/** Spaces and punctuation between words in either encoding (ASCII and typographic; no legacy letter). */
const BETWEEN_WORDS = /[\s"'()[\]{}.,:;!?“”‘’…–—\-/]+/u;

/** Words of a text as the syllable test sees them: split at spaces and punctuation, words with digits left out. */
function words(text: string): string[] {
  return text.split(BETWEEN_WORDS).filter((w) => w.length > 0 && !/\d/.test(w) && /\p{L}/u.test(w));
}

export interface LegacyVerdict {
  encoding: LegacyEncoding;
  /** Share of words that are Vietnamese syllables, in the text as it is and as repaired. */
  before: number;
  after: number;
  /** Words the repair changes, and how many of those it turns from non-syllables into syllables. */
  changed: number;
  changedValid: number;
  /** Repair certain: apply it. Otherwise a suspicion to report. */
  certain: boolean;
  /** A few words as found, for the report. */
  sample: string[];
}

const CONVERT: Record<LegacyEncoding, (t: string) => string> = { tcvn3: fromTcvn3, vni: fromVni };
export const LEGACY_NAME: Record<LegacyEncoding, string> = {
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
};

/** Each distinct word of a text and how often it occurs: a long article has a few thousand. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function judge(counts: Map<string, number>, encoding: LegacyEncoding): LegacyVerdict | null {
  if (counts.size === 0) return null;
  const convert = CONVERT[encoding];
  let total = 0;
  let validBefore = 0;
  let validAfter = 0;
  let changed = 0;
  // Words the repair turns into syllables, and syllables it turns into something else.
  let fixed = 0;
  let broken = 0;
  const sample: string[] = [];
  for (const [word, n] of counts) {
    const repaired = convert(word);
    const a = isVietnameseSyllable(word);
    const b = repaired === word ? a : isVietnameseSyllable(repaired);
    total += n;
    if (a) validBefore += n;
    if (b) validAfter += n;
    if (repaired === word) continue;
    changed += n;
    if (!a && b) {
      fixed += n;
      if (sample.length < 4) sample.push(word);
    }
    if (a && !b) broken += n;
  }
  // Not even a suspicion unless the repair makes several syllables, more than it breaks.
  if (fixed < 3 || fixed <= broken) return null;
  const before = validBefore / total;
  const after = validAfter / total;
  const certain = fixed >= 4 && after >= 0.85 && after - before >= 0.15 && before <= 0.85 && broken <= fixed * 0.1;
  return { encoding, before, after, changed, changedValid: fixed, certain, sample };
}

/**
 * The verdict on a whole text: which legacy encoding it holds, certain or suspected; null when
 * the text shows no sign of one.
 */
export function detectLegacyEncoding(text: string): LegacyVerdict | null {
  const counts = wordCounts(text);
  const verdicts = (['tcvn3', 'vni'] as const).map((e) => judge(counts, e)).filter((v) => v !== null);
  if (verdicts.length === 0) return null;
  verdicts.sort((a, b) => Number(b.certain) - Number(a.certain) || b.after - a.after);
  return verdicts[0]!;
}

/**
 * Repair one piece (a line, a text node) of a text whose whole was judged `encoding` with
 * certainty: the piece is converted when that makes more of its words syllables, so a piece
 * already in Unicode (a menu, a title typed later) is left as it is.
 */
export function repairLegacyPiece(piece: string, encoding: LegacyEncoding): string {
  const converted = CONVERT[encoding](piece);
  if (converted === piece) return piece;
  const a = words(piece);
  const b = words(converted);
  const valid = (list: string[]) => list.filter(isVietnameseSyllable).length;
  return valid(b) > valid(a) ? converted : piece;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;

/** The report line for a verdict (repaired or only suspected). */
export function legacyNote(v: LegacyVerdict): string {
  const sample = v.sample.map((w) => `"${w}"`).join(', ');
  if (v.certain)
    return `Văn bản gõ bằng bảng mã cũ ${LEGACY_NAME[v.encoding]} đã được chuyển sang Unicode: ${percent(v.before)} → ${percent(v.after)} số từ là âm tiết tiếng Việt (ví dụ ${sample}); hãy đọc lại bài (legacy ${v.encoding} text repaired).`;
  return `Nghi văn bản có chữ gõ bằng bảng mã cũ ${LEGACY_NAME[v.encoding]} (ví dụ ${sample}), nhưng chưa chắc nên KHÔNG tự chuyển: ${v.changedValid}/${v.changed} từ nghi ngờ sẽ thành âm tiết tiếng Việt. Hãy mở tệp gốc, chuyển bảng mã (ví dụ bằng Unikey: ${v.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI Windows'} → Unicode) rồi nhập lại (suspected legacy ${v.encoding} text, not repaired).`;
}

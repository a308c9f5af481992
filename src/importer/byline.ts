/**
 * Bylines and sources at the end (or head) of an article, in the forms portals print them:
 * "Tin & ảnh: Tô Thị Ái, Công đoàn Viên chức tỉnh", "Theo kiemsat.vn", "(kiemsat.vn)",
 * a name alone ("Đắc Thái"), a name with a unit ("Nguyễn Thị Thu Mong - Tổ công đoàn …"),
 * a name with degrees and a post ("PGS-TS Thân Minh Quế, TUV- Bí thư …").
 */
import { squeeze } from './text-repair.ts';

export interface Byline {
  author: string | null;
  source: string | null;
}

/**
 * Role words that introduce the writer: "Tin, ảnh:", "Bài và ảnh:", "Thực hiện:", "Phóng viên:",
 * "Người viết:", "Tác giả:", "Trình bày:", "Ghi chép:", "Nhóm PV", "CTV", "Video:". The name
 * follows a colon or a dash.
 */
const ROLE =
  '(?:(?:tin|bài|ảnh|video|clip|tin bài)(?:\\s*(?:&|và|,|\\+|/|-)\\s*(?:ảnh|tin|bài|video|clip))*|tác giả|người viết|người thực hiện|người đưa tin|phóng viên|nhóm phóng viên|pv|nhóm pv|ctv|cộng tác viên|thực hiện|nhóm thực hiện|ghi chép|trình bày|biên tập|lược thuật|tổng hợp|bút danh|dịch|biên dịch)';
const LABELLED = new RegExp(`^${ROLE}\\s*(?::|[-–—](?=\\s))\\s*(.{2,160})$`, 'iu');
/** A byline that is only a collective signature: "Nhóm PV", "PV", "CTV", "BBT", "Ban Biên tập". */
const COLLECTIVE =
  /^(?:Nhóm PV|Nhóm phóng viên|PV|CTV|BTV|BBT|Ban [Bb]iên tập|Phóng viên|Cộng tác viên)(?:\s+[\p{Lu}\d][\p{L}\p{M}\d.-]*){0,3}$/u;
/**
 * A unit signing the article: "Ban Tuyên giáo", "Ban Tuyên giáo – Nữ công LĐLĐ tỉnh",
 * "Văn phòng LĐLĐ tỉnh", "Phòng Tổ chức – Cán bộ".
 */
const UNIT_SIGNATURE =
  /^(?:Ban|Phòng|Văn phòng|Bộ phận|Tổ)\s+\p{Lu}[\p{L}\p{M}]*(?:\s+(?:[\p{Lu}\p{Ll}][\p{L}\p{M}.]*|[-–—&,]))*$/u;
const SOURCE_LABELLED = /^(?:nguồn|nguồn tin|theo|source)\s*:\s*(.{2,160})$/iu;
const THEO = /^theo\s+(.{2,100})$/iu;
const SITE =
  /^\(?\s*(?:theo\s+|nguồn:?\s*)?((?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov\.vn|org\.vn)(?:\/\S*)?)\s*\)?\.?$/iu;
const HONORIFIC =
  /^(?:(?:(?:pgs|gs|ts|ths|bs|bsck[i12]*|ls|ks|cn|nb|nsưt|nsnd|ngưt|ngnd|ttưt)[.\s-]*(?:[-.]\s*)?(?:ts|ths|bs)?\.?\s+)+|(?:đ\/c|đồng chí|ông|bà|luật sư|nhà báo|nhà giáo|nhà giáo ưu tú|nhà thơ|nhà văn|phóng viên|thạc sĩ|tiến sĩ|bác sĩ|kỹ sư|kĩ sư|cử nhân|đại tá|thượng tá|trung tá|thiếu tá|đại úy|thượng úy|trung úy|luật gia|kiểm sát viên|thẩm phán)\s+)/iu;
/** A person's name: 2–5 capitalised syllables ("Nguyễn Thị Thu Mong", "Đắc Thái"). */
export function looksLikeName(text: string): boolean {
  const name = text.replace(HONORIFIC, '').trim();
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*\.?$/u.test(w));
}

/** A source line: "(kiemsat.vn)", "Theo kiemsat.vn", "Nguồn: Báo Lao Động". */
export function parseSourceLine(line: string): string | null {
  const text = squeeze(line);
  const site = SITE.exec(text);
  if (site) return site[1]!.replace(/\/$/, '');
  const labelled = SOURCE_LABELLED.exec(text);
  if (labelled) return labelled[1]!.replace(/[.)]+$/, '').trim();
  const theo = THEO.exec(text);
  if (theo && !/[.!?…]$/.test(theo[1]!.replace(/\.$/, '')) && theo[1]!.split(/\s+/).length <= 8) {
    return theo[1]!.replace(/\.$/, '').trim();
  }
  return null;
}

/**
 * A byline block, or null. `text` is the block's text (lines of one block already joined).
 */
export function parseByline(line: string): Byline | null {
  const text = squeeze(line).replace(/\s*\.\/\.$/, '');
  if (text.length === 0 || text.length > 180) return null;
  const labelled = parseLabelledByline(text);
  if (labelled) return labelled;
  const source = parseSourceLine(text);
  if (source) return { author: null, source };
  if (/[.!?…:;]$/.test(text) && !/\b[A-ZĐ]\.$/u.test(text)) return null;
  if (COLLECTIVE.test(text) || (text.split(/\s+/).length <= 12 && UNIT_SIGNATURE.test(text)))
    return { author: tidyAuthor(text), source: null };
  // A name, then optionally a unit or post after a comma, a dash or a bracket.
  const head = text.split(/\s*(?:,|\(|\s[-–—]\s?|\s?[-–—]\s)\s*/u)[0]!;
  if (!looksLikeName(head)) return null;
  return { author: tidyAuthor(text), source: null };
}

/** A byline introduced by a role word ("Tin, ảnh: Lê Văn Nam"), or null: safe to read at the head of an article. */
export function parseLabelledByline(line: string): Byline | null {
  const text = squeeze(line).replace(/\s*\.\/\.$/, '');
  if (text.length === 0 || text.length > 180) return null;
  const labelled = LABELLED.exec(text);
  return labelled ? { author: tidyAuthor(labelled[1]!), source: null } : null;
}

function tidyAuthor(text: string): string {
  return squeeze(text)
    .replace(/\s*([,])\s*/g, '$1 ')
    .replace(/\s+[-–—]\s*|\s*[-–—]\s+/g, ' – ')
    .replace(/[.;,]+$/, '')
    .trim();
}

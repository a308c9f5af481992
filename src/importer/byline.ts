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

const LABELLED =
  /^(?:tin(?:\s*(?:&|và|,|\+)\s*ảnh)?|bài(?:\s*(?:&|và|,|\+)\s*ảnh)?|ảnh|tác giả|người viết|phóng viên|pv|nhóm pv|bài, ảnh|tin, ảnh|thực hiện|ghi chép)\s*:\s*(.{2,160})$/iu;
const SOURCE_LABELLED = /^(?:nguồn|nguồn tin|theo|source)\s*:\s*(.{2,160})$/iu;
const THEO = /^theo\s+(.{2,100})$/iu;
const SITE =
  /^\(?\s*(?:theo\s+|nguồn:?\s*)?((?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov\.vn|org\.vn)(?:\/\S*)?)\s*\)?\.?$/iu;
const HONORIFIC =
  /^(?:(?:pgs|gs|ts|ths|bs|ls|ks|cn|nb)[.\s-]*(?:[-.]\s*)?(?:ts|ths|bs)?\.?\s+|(?:đ\/c|đồng chí|ông|bà|luật sư|nhà báo|nhà giáo|phóng viên)\s+)/iu;

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
  const labelled = LABELLED.exec(text);
  if (labelled) return { author: tidyAuthor(labelled[1]!), source: null };
  const source = parseSourceLine(text);
  if (source) return { author: null, source };
  if (/[.!?…:;]$/.test(text) && !/\b[A-ZĐ]\.$/u.test(text)) return null;
  // A name, then optionally a unit or post after a comma or dash.
  const head = text.split(/\s*(?:,|\s[-–—]\s?|\s?[-–—]\s)\s*/u)[0]!;
  if (!looksLikeName(head)) return null;
  return { author: tidyAuthor(text), source: null };
}

function tidyAuthor(text: string): string {
  return squeeze(text)
    .replace(/\s*([,])\s*/g, '$1 ')
    .replace(/\s+[-–—]\s*|\s*[-–—]\s+/g, ' – ')
    .replace(/[.;,]+$/, '')
    .trim();
}

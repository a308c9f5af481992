/**
 * The text of the generated articles comes from the seed articles (tests/fixtures/seeds, scraped
 * from union portals), cleaned: NFC, plain spaces, hard wraps joined, portal chrome dropped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.ts';

/** Lines that belong to the portal, not to the article. */
const CHROME = [
  /^leftcenterrightdel$/i,
  /^\(\d+\) Bình luận$/,
  /^Bài viết chưa có bình luận/,
  /^lên đầu trang$/i,
  /^\([a-z0-9.-]+\.vn\)$/i,
  /^Tin (&|và) ảnh:/,
  /^Tổng số điểm của bài viết/,
  /^(Bản in|Gửi bài viết|Xem thêm|Chia sẻ|Mã bảo mật|Số lượt xem)\b/i,
  /^(Thứ|Chủ nhật)\b.*\d{4}/,
  /^\d{1,2}\/\d{1,2}\/\d{4}( \d{1,2}:\d{2})?$/,
  /^(Click để|Giới thiệu\.\.\.)/,
  /^•/,
];
/** Where the article ends and the portal's furniture (ratings, comments, counters) begins. */
const END_OF_ARTICLE = [
  /^Tổng số điểm của bài viết/,
  /^Ý kiến bạn đọc/,
  /^\(\d+\) Bình luận$/,
  /^Thống kê$/,
  /^lên đầu trang$/i,
];
/** Blocks shorter than this many words are captions, bylines and alt text left by the portals. */
const MIN_PARAGRAPH_WORDS = 20;

/** The seed articles in the repository; SEEDS_DIR points elsewhere. */
export function defaultSeedsDir(): string {
  return process.env.SEEDS_DIR ?? join(projectRoot, 'tests/fixtures/seeds');
}

/** Every clean paragraph of the seed articles (*.txt) in `seedsDir`, in file-name order. */
export function loadSeedParagraphs(seedsDir: string): string[] {
  if (!existsSync(seedsDir)) throw new Error(`Seed articles not found in ${seedsDir} (set SEEDS_DIR).`);
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const paragraphs = files.flatMap((f) => cleanSeed(readFileSync(join(seedsDir, f), 'utf8')).paragraphs);
  if (paragraphs.length < 10) throw new Error(`Too little seed text in ${seedsDir}.`);
  return paragraphs;
}

/**
 * Turn one scraped seed into clean paragraphs: NFC, plain spaces, mojibake dropped, hard line
 * wraps joined (a line continues when it does not end a sentence or the next starts lower-case),
 * portal chrome and stray short lines (image alt text, residue) dropped, repeats dropped.
 */
export function cleanSeed(raw: string): { title: string; paragraphs: string[] } {
  const lines = normalizedLines(raw);
  const titleAt = lines.findIndex((l) => l.length > 0);
  const title = lines[titleAt] ?? '';
  const blocks = joinHardWraps(articleLines(lines.slice(titleAt + 1)));
  return { title, paragraphs: paragraphsOf(blocks, title) };
}

/** NFC lines with plain, single spaces and no mojibake (`¬`). */
function normalizedLines(raw: string): string[] {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u2009\u200a\u3000]/g, ' ')
    .replace(/¬+/g, '')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim());
}

/** The lines up to the portal's furniture, without its chrome (blank lines kept). */
function articleLines(lines: string[]): string[] {
  const end = lines.findIndex((line) => END_OF_ARTICLE.some((re) => re.test(line)));
  return (end < 0 ? lines : lines.slice(0, end)).filter((line) => !CHROME.some((re) => re.test(line)));
}

const startsLowerCase = (line: string) => line[0] !== undefined && line[0] !== line[0].toUpperCase();

/** Blocks of text: blank lines separate them; a line that does not start a sentence continues one. */
function joinHardWraps(lines: string[]): string[] {
  const blocks: string[] = [];
  let current = '';
  for (const line of lines) {
    const continues = current && line && (!/[.!?…:;”"]$/.test(current) || startsLowerCase(line));
    if (continues) {
      current = `${current} ${line}`;
      continue;
    }
    if (current) blocks.push(current);
    current = line;
  }
  if (current) blocks.push(current);
  return blocks;
}

/** The blocks long enough to be paragraphs, each once, each ending a sentence. */
function paragraphsOf(blocks: string[], title: string): string[] {
  const seen = new Set<string>([title]);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (block.split(' ').length < MIN_PARAGRAPH_WORDS || seen.has(block)) continue;
    seen.add(block);
    // A paragraph cut by an inserted caption ends in a comma: close the sentence.
    paragraphs.push(/[.!?…:”"]$/.test(block) ? block : `${block.replace(/[,;\s]+$/, '')}.`);
  }
  return paragraphs;
}

/** The first sentence of a paragraph (at least 40 characters), cut at a word to `max` characters. */
export function sentenceOf(paragraph: string, max = 280): string {
  const m = /^(.{40,}?[.!?…])(\s|$)/.exec(paragraph);
  let s = m ? m[1]! : paragraph;
  if (s.length > max) {
    s = s.slice(0, max);
    s = `${s.slice(0, s.lastIndexOf(' '))}…`;
  }
  return s;
}

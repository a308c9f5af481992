/**
 * A realistic synthetic content tree for benchmarks and large-archive tests (issues 3 and 6).
 *
 * `generateArchive({ dir, articles, units, awards, seed })` writes, deterministically from `seed`:
 *   <dir>/units/*.md    a union hierarchy (Tổng Liên đoàn → provincial federations and national
 *                       sector unions → unions above the base → base unions → sub-units, plus
 *                       state agencies), with the 2025 provincial mergers as lineage
 *                       (predecessor/successor, dissolvedOn) and some renamed base unions;
 *   <dir>/awards/*.yaml award records conferred by a unit above the recipient (or a named
 *                       authority), with decisions, campaigns, a few revoked and draft ones,
 *                       half of them announced by an article that lists them back;
 *   <dir>/news/*.md|mdx articles whose text is taken from the seed articles in
 *                       /work/shared/seeds (cleaned: NFC, no no-break spaces, hard wraps joined,
 *                       portal chrome dropped), mixed with unit names, people and figures so the
 *                       vocabulary grows with the archive as a real one does; a share `mdxShare`
 *                       is MDX (half of those use JSX, half are plain Markdown saved as .mdx, as
 *                       CMS exports do); a share has a hero image from <dir>/news/images/ with alt
 *                       text; a few are drafts, scheduled or undated.
 * Every file validates against src/model/schemas/*.ts and passes the integrity checks of
 * src/model/content-model.ts (for a build clock from 2026 on). `dir` is the content root: point a
 * build at it with CONTENT_DIR=<dir>.
 *
 * CLI (Node 24 strips the types):
 *   npx node scripts/lib/synthetic-archive.ts --dir /tmp/archive/content --articles 10000 \
 *     [--units 500] [--awards 3000] [--seed 1] [--mdx-share 0.1] [--images 12] [--base content]
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { vietnameseSlug } from '#src/text/vietnamese.ts';

export interface ArchiveOptions {
  /** Content root to write (news/, units/, awards/ inside). Emptied first. */
  dir: string;
  /** Number of news articles. */
  articles: number;
  /** Number of unit profiles (at least 8; default: about one per 20 articles, 40–500). */
  units?: number;
  /** Number of award records (default: 0.3 per article). */
  awards?: number;
  /** Seed of the pseudo-random choices (default 1). Same options → same bytes. */
  seed?: number;
  /** Share of articles written as .mdx (default 0.1). */
  mdxShare?: number;
  /** Distinct hero images in news/images/ (default 12). */
  images?: number;
  /** Share of articles with a hero image (default 0.3). */
  heroShare?: number;
  /** A content tree copied in first (e.g. the bundled content/); generated ids never clash with it. */
  base?: string;
  /** Where the seed articles are (default /work/shared/seeds or SEEDS_DIR). */
  seedsDir?: string;
}

export interface GeneratedArticle {
  id: string;
  /** Path relative to `dir`: news/<id>.md or .mdx */
  file: string;
  title: string;
  mdx: boolean;
  /** ISO date-time with +07:00, or undefined for an undated article. */
  publishedAt?: string | undefined;
  draft: boolean;
  hero: boolean;
  units: string[];
  awards: string[];
}

export interface GeneratedArchive {
  dir: string;
  articles: GeneratedArticle[];
  units: { id: string; name: string; level: string; parent?: string | undefined; province?: string | undefined }[];
  awards: { id: string; form: string; year: number; units: string[]; article?: string | undefined; draft: boolean }[];
  images: string[];
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for test data. */
export function makeRandom(seed: number) {
  let a = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  /** Index in 0..n-1 favouring small indexes (Zipf-like: a few units get most news). */
  const skewed = (n: number) => Math.min(n - 1, Math.floor(n * next() ** 2.2));
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of entries) if ((r -= w) < 0) return v;
    return entries.at(-1)![0];
  };
  return { next, int, pick, chance, skewed, weighted };
}
type Random = ReturnType<typeof makeRandom>;

// ---------------------------------------------------------------------------------------------
// Seed text, cleaned

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
const startsLowerCase = (line: string) => line[0] !== undefined && line[0] !== line[0].toUpperCase();

/**
 * Turn one scraped seed into clean paragraphs: NFC, plain spaces, mojibake dropped, hard line
 * wraps joined (a line continues when it does not end a sentence or the next starts lower-case),
 * portal chrome and stray short lines (image alt text, residue) dropped, repeats dropped.
 */
export function cleanSeed(raw: string): { title: string; paragraphs: string[] } {
  const lines = raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u2009\u200a\u3000]/g, ' ')
    .replace(/¬+/g, '')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim());
  const titleAt = lines.findIndex((l) => l.length > 0);
  const title = lines[titleAt] ?? '';
  const blocks: string[] = [];
  let current = '';
  for (const line of lines.slice(titleAt + 1)) {
    if (END_OF_ARTICLE.some((re) => re.test(line))) break;
    if (!line) {
      if (current) blocks.push(current);
      current = '';
      continue;
    }
    if (CHROME.some((re) => re.test(line))) continue;
    const continues = current && (!/[.!?…:;”"]$/.test(current) || startsLowerCase(line));
    if (current && continues) current = `${current} ${line}`;
    else {
      if (current) blocks.push(current);
      current = line;
    }
  }
  if (current) blocks.push(current);
  const seen = new Set<string>([title]);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    // Short blocks are captions, bylines and alt text left by the portals.
    if (block.split(' ').length < 20 || seen.has(block)) continue;
    seen.add(block);
    // A paragraph cut by an inserted caption ends in a comma: close the sentence.
    paragraphs.push(/[.!?…:”"]$/.test(block) ? block : `${block.replace(/[,;\s]+$/, '')}.`);
  }
  return { title, paragraphs };
}

function defaultSeedsDir(): string {
  return process.env.SEEDS_DIR ?? '/work/shared/seeds';
}

function loadSeedParagraphs(seedsDir: string): string[] {
  if (!existsSync(seedsDir)) throw new Error(`Seed articles not found in ${seedsDir} (set SEEDS_DIR).`);
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const paragraphs = files.flatMap((f) => cleanSeed(readFileSync(join(seedsDir, f), 'utf8')).paragraphs);
  if (paragraphs.length < 10) throw new Error(`Too little seed text in ${seedsDir}.`);
  return paragraphs;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary of the generator (names are plausible, not real records)

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trịnh',
  'Đoàn',
  'Lương',
];
const MIDDLE = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Thanh',
  'Quốc',
  'Ngọc',
  'Xuân',
  'Thu',
  'Duy',
  'Hồng',
  'Kim',
  'Anh',
  'Đình',
];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Hùng',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Ngân',
  'Phong',
  'Phương',
  'Quân',
  'Quế',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Trang',
  'Trung',
  'Tuấn',
  'Uyên',
  'Vân',
  'Vinh',
  'Yến',
];
const ROLES = [
  'Chủ tịch Công đoàn',
  'Phó Chủ tịch Công đoàn',
  'Ủy viên Ban Chấp hành',
  'Trưởng ban Nữ công',
  'Chủ nhiệm Ủy ban Kiểm tra',
  'Tổ trưởng Tổ công đoàn',
  'đoàn viên',
];

/** Provinces kept after the 2025 merger, with the ones merged into them (Nghị quyết 202/2025/QH15). */
const PROVINCES: { name: string; kind: 'tỉnh' | 'thành phố'; merged: string[] }[] = [
  { name: 'Hà Nội', kind: 'thành phố', merged: [] },
  { name: 'Hải Phòng', kind: 'thành phố', merged: ['Hải Dương'] },
  { name: 'Quảng Ngãi', kind: 'tỉnh', merged: ['Kon Tum'] },
  { name: 'Bắc Ninh', kind: 'tỉnh', merged: ['Bắc Giang'] },
  { name: 'Lạng Sơn', kind: 'tỉnh', merged: [] },
  { name: 'Thành phố Hồ Chí Minh', kind: 'thành phố', merged: ['Bình Dương', 'Bà Rịa - Vũng Tàu'] },
  { name: 'Đà Nẵng', kind: 'thành phố', merged: ['Quảng Nam'] },
  { name: 'Huế', kind: 'thành phố', merged: [] },
  { name: 'Cần Thơ', kind: 'thành phố', merged: ['Sóc Trăng', 'Hậu Giang'] },
  { name: 'Nghệ An', kind: 'tỉnh', merged: [] },
  { name: 'Thanh Hóa', kind: 'tỉnh', merged: [] },
  { name: 'Hà Tĩnh', kind: 'tỉnh', merged: [] },
  { name: 'Quảng Trị', kind: 'tỉnh', merged: ['Quảng Bình'] },
  { name: 'Tuyên Quang', kind: 'tỉnh', merged: ['Hà Giang'] },
  { name: 'Lào Cai', kind: 'tỉnh', merged: ['Yên Bái'] },
  { name: 'Thái Nguyên', kind: 'tỉnh', merged: ['Bắc Kạn'] },
  { name: 'Phú Thọ', kind: 'tỉnh', merged: ['Vĩnh Phúc', 'Hòa Bình'] },
  { name: 'Hưng Yên', kind: 'tỉnh', merged: ['Thái Bình'] },
  { name: 'Ninh Bình', kind: 'tỉnh', merged: ['Hà Nam', 'Nam Định'] },
  { name: 'Gia Lai', kind: 'tỉnh', merged: ['Bình Định'] },
  { name: 'Khánh Hòa', kind: 'tỉnh', merged: ['Ninh Thuận'] },
  { name: 'Lâm Đồng', kind: 'tỉnh', merged: ['Đắk Nông', 'Bình Thuận'] },
  { name: 'Đắk Lắk', kind: 'tỉnh', merged: ['Phú Yên'] },
  { name: 'Đồng Nai', kind: 'tỉnh', merged: ['Bình Phước'] },
  { name: 'Tây Ninh', kind: 'tỉnh', merged: ['Long An'] },
  { name: 'Đồng Tháp', kind: 'tỉnh', merged: ['Tiền Giang'] },
  { name: 'Vĩnh Long', kind: 'tỉnh', merged: ['Bến Tre', 'Trà Vinh'] },
  { name: 'An Giang', kind: 'tỉnh', merged: ['Kiên Giang'] },
  { name: 'Cà Mau', kind: 'tỉnh', merged: ['Bạc Liêu'] },
  { name: 'Quảng Ninh', kind: 'tỉnh', merged: [] },
  { name: 'Cao Bằng', kind: 'tỉnh', merged: [] },
  { name: 'Điện Biên', kind: 'tỉnh', merged: [] },
  { name: 'Lai Châu', kind: 'tỉnh', merged: [] },
  { name: 'Sơn La', kind: 'tỉnh', merged: [] },
];
const MERGER_DATE = '2025-07-01';
const MERGER_NOTE = 'Theo Nghị quyết số 202/2025/QH15 về sắp xếp đơn vị hành chính cấp tỉnh';

const SECTOR_UNIONS = [
  'Viên chức',
  'Giáo dục',
  'Y tế',
  'Công Thương',
  'Xây dựng',
  'Ngân hàng',
  'Giao thông vận tải',
  'Nông nghiệp và Môi trường',
];
/** Agencies with a base union in a province: [agency name, short form]. */
const AGENCIES: [string, string][] = [
  ['Viện kiểm sát nhân dân', 'VKSND'],
  ['Tòa án nhân dân', 'TAND'],
  ['Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'],
  ['Sở Y tế', 'Sở Y tế'],
  ['Bệnh viện Đa khoa', 'BVĐK'],
  ['Sở Tài chính', 'Sở Tài chính'],
  ['Kho bạc Nhà nước', 'KBNN'],
  ['Đài Phát thanh và Truyền hình', 'Đài PT-TH'],
  ['Trường Cao đẳng Y tế', 'CĐ Y tế'],
  ['Thanh tra', 'Thanh tra'],
  ['Sở Nội vụ', 'Sở Nội vụ'],
  ['Bảo hiểm xã hội', 'BHXH'],
];
const SUB_UNITS = [
  'Thanh tra và Khiếu tố',
  'Văn phòng',
  'Phòng Tổ chức cán bộ',
  'Phòng Kế hoạch - Tài chính',
  'Khoa Nội',
  'Tổ Ngữ văn',
  'Tổ Toán - Tin',
];

const ACTIONS = [
  'tổ chức Hội nghị cán bộ, công chức, viên chức năm {y}',
  'sơ kết giữa nhiệm kỳ, bàn giải pháp nâng cao chất lượng hoạt động',
  'tổng kết phong trào thi đua năm {y}',
  'phát động phong trào thi đua “Lao động giỏi, Lao động sáng tạo”',
  'thăm hỏi, tặng quà đoàn viên có hoàn cảnh khó khăn dịp Tết Nguyên đán',
  'thực hiện tốt dân chủ ở cơ sở',
  'chăm lo, bảo vệ quyền, lợi ích hợp pháp của đoàn viên',
  'tổ chức Đại hội nhiệm kỳ {y}-{y5}',
  'hưởng ứng Tháng Công nhân năm {y}',
  'tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở',
  'kỷ niệm ngày thành lập Công đoàn Việt Nam 28/7',
  'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'tổ chức giải thể thao chào mừng ngày 8/3',
  'trao “Mái ấm Công đoàn” cho đoàn viên',
  'được vinh danh là đơn vị xuất sắc tiêu biểu',
  'tham gia xây dựng Đảng, xây dựng cơ quan trong sạch, vững mạnh',
];
const HEADINGS = [
  'Kết quả nổi bật',
  'Chăm lo đời sống đoàn viên',
  'Phong trào thi đua',
  'Những tồn tại, hạn chế',
  'Nhiệm vụ trọng tâm thời gian tới',
  'Công tác kiểm tra, giám sát',
];
const TAGS = [
  'thi đua',
  'khen thưởng',
  'đại hội',
  'nữ công',
  'chăm lo đoàn viên',
  'dân chủ cơ sở',
  'an sinh xã hội',
  'Tháng Công nhân',
  'Tết sum vầy',
  'Mái ấm Công đoàn',
  'kiểm tra, giám sát',
  'ngành Kiểm sát',
  'giáo dục',
  'y tế',
];
const CAMPAIGNS = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Lao động giỏi, Lao động sáng tạo',
  'Giỏi việc nước, đảm việc nhà',
  'Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở',
  'Xanh - Sạch - Đẹp, bảo đảm an toàn vệ sinh lao động',
];
const SOURCES = [
  { name: 'kiemsat.vn', url: 'https://kiemsat.vn/' },
  { name: 'congdoan.vn', url: 'https://congdoan.vn/' },
  { name: 'laodong.vn', url: 'https://laodong.vn/' },
  { name: 'Cổng thông tin Công đoàn Viên chức tỉnh' },
];
const IMAGE_SUBJECTS = [
  'Quang cảnh Hội nghị',
  'Lãnh đạo Công đoàn trao Bằng khen cho các tập thể',
  'Các đại biểu chụp ảnh lưu niệm',
  'Đoàn viên tham gia hiến máu tình nguyện',
  'Trao quà cho đoàn viên có hoàn cảnh khó khăn',
  'Đại hội biểu quyết thông qua Nghị quyết',
  'Vận động viên thi đấu tại giải thể thao',
  'Bàn giao “Mái ấm Công đoàn”',
];

// ---------------------------------------------------------------------------------------------
// Units

interface UnitPlan {
  id: string;
  name: string;
  shortName?: string | undefined;
  level: string;
  parent?: string | undefined;
  province?: string | undefined;
  foundedOn?: string | undefined;
  dissolvedOn?: string | undefined;
  lineage: {
    relation: 'predecessor' | 'successor';
    unit: string;
    date: string;
    kind: 'renamed' | 'merged' | 'split';
    note?: string;
  }[];
  /** First and last year in which the unit can receive an award. */
  from: number;
  to: number;
  /** Conferrer level when this unit confers an award. */
  conferrerLevel: string;
}

const LEVEL_TO_CONFERRER: Record<string, string> = {
  'tong-lien-doan': 'tong-lien-doan',
  'lien-doan-tinh': 'lien-doan-tinh',
  'cong-doan-nganh-trung-uong': 'cong-doan-nganh-trung-uong',
  'cong-doan-cap-tren-co-so': 'cong-doan-cap-tren-co-so',
  'cong-doan-co-so': 'cong-doan-co-so',
  'cong-doan-bo-phan': 'cong-doan-co-so',
  'co-quan': 'co-quan',
};

function planUnits(count: number, rnd: Random, taken: Set<string>): UnitPlan[] {
  const units: UnitPlan[] = [];
  const uniqueId = (name: string) => {
    const base = `${vietnameseSlug(name, 70)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const add = (u: Omit<UnitPlan, 'id' | 'lineage' | 'from' | 'to' | 'conferrerLevel'> & Partial<UnitPlan>) => {
    const unit: UnitPlan = {
      lineage: [],
      from: u.foundedOn ? Number(u.foundedOn.slice(0, 4)) : 2010,
      to: u.dissolvedOn ? Number(u.dissolvedOn.slice(0, 4)) : 2025,
      conferrerLevel: LEVEL_TO_CONFERRER[u.level]!,
      ...u,
      id: u.id ?? uniqueId(u.name),
    };
    units.push(unit);
    return unit;
  };
  const full = () => units.length >= count;

  const top = add({ name: 'Tổng Liên đoàn Lao động Việt Nam', level: 'tong-lien-doan', foundedOn: '1929-07-28' });
  for (const s of SECTOR_UNIONS.slice(0, Math.max(1, Math.floor(count / 60)))) {
    add({
      name: `Công đoàn ${s} Việt Nam`,
      level: 'cong-doan-nganh-trung-uong',
      parent: top.id,
      foundedOn: `19${rnd.int(60, 99)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}`,
    });
  }

  // Provinces: the federation, then (round after round, while units remain) unions above the
  // base, agencies with their base unions, and sub-units.
  interface ProvincePlan {
    name: string;
    label: string;
    federation: UnitPlan;
    upper: UnitPlan[];
  }
  const provinces: ProvincePlan[] = [];
  const budgetForProvinces = Math.max(4, Math.floor(count / 6));
  for (const p of PROVINCES) {
    if (units.length >= budgetForProvinces) break;
    const label = p.name.startsWith('Thành phố') ? p.name : `${p.kind} ${p.name}`;
    const federation = add({
      name: `Liên đoàn Lao động ${label}`,
      shortName: `LĐLĐ ${label}`,
      level: 'lien-doan-tinh',
      parent: top.id,
      province: p.name,
      foundedOn: `19${rnd.int(75, 97)}-0${rnd.int(1, 9)}-0${rnd.int(1, 9)}`,
    });
    provinces.push({ name: p.name, label, federation, upper: [] });
    // Merged-away provinces: their federation ended on the merger date.
    for (const old of p.merged) {
      if (units.length >= budgetForProvinces) break;
      const oldLabel = `tỉnh ${old}`;
      const predecessor = add({
        name: `Liên đoàn Lao động ${oldLabel}`,
        shortName: `LĐLĐ ${oldLabel}`,
        level: 'lien-doan-tinh',
        parent: top.id,
        province: old,
        foundedOn: `19${rnd.int(75, 97)}-0${rnd.int(1, 9)}-0${rnd.int(1, 9)}`,
        dissolvedOn: '2025-06-30',
      });
      predecessor.lineage.push({
        relation: 'successor',
        unit: federation.id,
        date: MERGER_DATE,
        kind: 'merged',
        note: MERGER_NOTE,
      });
      federation.lineage.push({
        relation: 'predecessor',
        unit: predecessor.id,
        date: MERGER_DATE,
        kind: 'merged',
        note: MERGER_NOTE,
      });
    }
  }

  let round = 0;
  while (!full()) {
    let added = false;
    for (const p of provinces) {
      if (full()) break;
      if (round === 0 || (round < 3 && p.upper.length < 3)) {
        const names = ['Viên chức', 'các Khu công nghiệp', 'Giáo dục'];
        const upperName = `Công đoàn ${names[p.upper.length % names.length]} ${p.label}`;
        if (!units.some((u) => u.name === upperName)) {
          p.upper.push(
            add({
              name: upperName,
              level: 'cong-doan-cap-tren-co-so',
              parent: p.federation.id,
              province: p.name,
              foundedOn: `19${rnd.int(90, 99)}-06-22`,
            }),
          );
          added = true;
          continue;
        }
      }
      const [agency, short] = AGENCIES[(round + provinces.indexOf(p)) % AGENCIES.length]!;
      const agencyName = `${agency} ${p.label}`;
      const existing = units.find((u) => u.name === agencyName);
      if (!existing) {
        const upper = p.upper.length ? p.upper[round % p.upper.length]! : p.federation;
        add({ name: agencyName, shortName: `${short} ${p.label}`, level: 'co-quan', province: p.name });
        if (full()) break;
        // Some base unions were renamed (an older name as predecessor).
        const renamed = rnd.chance(0.12) && units.length + 2 <= count;
        const renameYear = rnd.int(2016, 2023);
        const base = add({
          name: `Công đoàn cơ sở ${agencyName}`,
          shortName: `Công đoàn ${short} ${p.label}`,
          level: 'cong-doan-co-so',
          parent: upper.id,
          province: p.name,
          ...(renamed ? { foundedOn: `${renameYear}-01-01` } : {}),
        });
        if (renamed) {
          const old = add({
            name: `Công đoàn ${agency} ${p.label}`,
            level: 'cong-doan-co-so',
            parent: upper.id,
            province: p.name,
            dissolvedOn: `${renameYear - 1}-12-31`,
          });
          old.lineage.push({ relation: 'successor', unit: base.id, date: `${renameYear}-01-01`, kind: 'renamed' });
          base.lineage.push({ relation: 'predecessor', unit: old.id, date: `${renameYear}-01-01`, kind: 'renamed' });
        }
        added = true;
      } else {
        const baseUnion = units.find((u) => u.name === `Công đoàn cơ sở ${agencyName}`);
        const sub = SUB_UNITS[round % SUB_UNITS.length]!;
        const subName = `Tổ công đoàn ${sub}, ${agencyName}`;
        if (baseUnion && !units.some((u) => u.name === subName)) {
          add({ name: subName, level: 'cong-doan-bo-phan', parent: baseUnion.id, province: p.name });
          added = true;
        }
      }
    }
    round++;
    if (!added && round > AGENCIES.length * SUB_UNITS.length + 10) {
      // Every combination used: number further base unions (schools, companies).
      for (const p of provinces) {
        if (full()) break;
        add({
          name: `Công đoàn Trường Trung học phổ thông số ${round} ${p.label}`,
          level: 'cong-doan-co-so',
          parent: (p.upper[2] ?? p.upper[0] ?? p.federation).id,
          province: p.name,
        });
      }
    }
  }
  return units;
}

function unitMarkdown(
  u: UnitPlan,
  parent: UnitPlan | undefined,
  rnd: Random,
  paragraphs: string[],
  person: () => string,
): string {
  const data: Record<string, unknown> = { name: u.name };
  if (u.shortName) data.shortName = u.shortName;
  data.level = u.level;
  if (u.parent) data.parent = u.parent;
  if (u.province) data.province = u.province;
  if (u.foundedOn) data.foundedOn = u.foundedOn;
  if (u.dissolvedOn) data.dissolvedOn = u.dissolvedOn;
  if (u.level !== 'co-quan' && rnd.chance(0.6)) {
    const from = rnd.pick([2013, 2018, 2023]);
    data.terms = [
      {
        from,
        to: from + 5,
        leaders: [
          { name: person(), role: 'Chủ tịch' },
          { name: person(), role: 'Phó Chủ tịch' },
        ],
      },
    ];
  }
  if (u.level === 'cong-doan-cap-tren-co-so' || u.level === 'lien-doan-tinh') {
    data.figures = [{ year: rnd.int(2019, 2024), members: rnd.int(800, 90000), baseUnions: rnd.int(20, 900) }];
  }
  if (u.lineage.length) data.lineage = u.lineage;
  const intro = `${u.name}${parent ? `, trực thuộc ${parent.name}` : ''}.`;
  const body = [intro, paragraphs[rnd.int(0, paragraphs.length - 1)]!].join('\n\n');
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}\n`;
}

// ---------------------------------------------------------------------------------------------
// Awards

const COLLECTIVE_FORMS: [string, number][] = [
  ['bang-khen', 30],
  ['giay-khen', 18],
  ['co-thi-dua', 8],
  ['tap-the-lao-dong-xuat-sac', 10],
  ['tap-the-lao-dong-tien-tien', 6],
  ['hoan-thanh-xuat-sac-nhiem-vu', 10],
  ['vinh-danh', 4],
  ['huan-chuong', 1],
  ['co-thi-dua-chinh-phu', 1],
];
const INDIVIDUAL_FORMS: [string, number][] = [
  ['bang-khen', 20],
  ['giay-khen', 12],
  ['chien-si-thi-dua-co-so', 10],
  ['lao-dong-tien-tien', 10],
  ['ky-niem-chuong', 8],
  ['chien-si-thi-dua-cap-bo-nganh-tinh', 3],
  ['bang-lao-dong-sang-tao', 3],
];
const FORM_LABEL: Record<string, string> = {
  'bang-khen': 'Bằng khen',
  'giay-khen': 'Giấy khen',
  'co-thi-dua': 'Cờ thi đua',
  'tap-the-lao-dong-xuat-sac': 'Tập thể lao động xuất sắc',
  'tap-the-lao-dong-tien-tien': 'Tập thể lao động tiên tiến',
  'hoan-thanh-xuat-sac-nhiem-vu': 'Hoàn thành xuất sắc nhiệm vụ',
  'vinh-danh': 'Vinh danh',
  'huan-chuong': 'Huân chương Lao động hạng Ba',
  'co-thi-dua-chinh-phu': 'Cờ thi đua của Chính phủ',
  'chien-si-thi-dua-co-so': 'Chiến sĩ thi đua cơ sở',
  'lao-dong-tien-tien': 'Lao động tiên tiến',
  'ky-niem-chuong': 'Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”',
  'chien-si-thi-dua-cap-bo-nganh-tinh': 'Chiến sĩ thi đua cấp tỉnh',
  'bang-lao-dong-sang-tao': 'Bằng Lao động sáng tạo',
};

// ---------------------------------------------------------------------------------------------
// Images

async function writeImages(dir: string, count: number, rnd: Random): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  const width = 1200;
  const height = 800;
  for (let i = 0; i < count; i++) {
    // A photo-like picture: two-colour gradient with soft blobs and grain, deterministic.
    const pixels = Buffer.alloc(width * height * 3);
    const c1 = [rnd.int(20, 235), rnd.int(20, 235), rnd.int(20, 235)];
    const c2 = [rnd.int(20, 235), rnd.int(20, 235), rnd.int(20, 235)];
    const blobs = Array.from({ length: 6 }, () => ({
      x: rnd.int(0, width),
      y: rnd.int(0, height),
      r: rnd.int(60, 260),
      v: rnd.int(-90, 90),
    }));
    let noise = (i + 1) * 7919;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const t = (x + y) / (width + height);
        let shade = 0;
        for (const b of blobs) {
          const d2 = (x - b.x) ** 2 + (y - b.y) ** 2;
          if (d2 < b.r * b.r) shade += b.v * (1 - d2 / (b.r * b.r));
        }
        noise = (noise * 1103515245 + 12345) >>> 0;
        const grain = ((noise >>> 16) & 31) - 16;
        const o = (y * width + x) * 3;
        for (let c = 0; c < 3; c++)
          pixels[o + c] = Math.max(0, Math.min(255, Math.round(c1[c]! * (1 - t) + c2[c]! * t + shade + grain)));
      }
    }
    const name = `anh-${String(i + 1).padStart(2, '0')}.jpg`;
    const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 82 })
      .toBuffer();
    writeFileSync(join(dir, name), jpeg);
    names.push(name);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// The archive

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function sentenceOf(paragraph: string, max = 280): string {
  const m = /^(.{40,}?[.!?…])(\s|$)/.exec(paragraph);
  let s = m ? m[1]! : paragraph;
  if (s.length > max) {
    s = s.slice(0, max);
    s = `${s.slice(0, s.lastIndexOf(' '))}…`;
  }
  return s;
}

export async function generateArchive(options: ArchiveOptions): Promise<GeneratedArchive> {
  const {
    dir,
    articles: articleCount,
    seed = 1,
    mdxShare = 0.1,
    images: imageCount = 12,
    heroShare = 0.3,
    base,
    seedsDir = defaultSeedsDir(),
  } = options;
  const unitCount = Math.max(8, options.units ?? Math.min(500, Math.max(40, Math.round(articleCount / 20))));
  const awardCount = options.awards ?? Math.round(articleCount * 0.3);
  if (!Number.isInteger(articleCount) || articleCount < 0)
    throw new Error(`articles must be a whole number ≥ 0, got ${articleCount}`);

  const rnd = makeRandom(seed);
  const paragraphs = loadSeedParagraphs(seedsDir);
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  for (const sub of ['news', 'units', 'awards']) mkdirSync(join(root, sub), { recursive: true });

  const taken = new Set<string>();
  if (base) {
    for (const sub of readdirSync(base)) cpSync(join(base, sub), join(root, sub), { recursive: true });
    for (const sub of ['news', 'units', 'awards']) {
      if (!existsSync(join(root, sub))) continue;
      for (const f of readdirSync(join(root, sub))) taken.add(f.replace(/\.(mdx?|ya?ml)$/, ''));
    }
  }

  const person = () => `${rnd.pick(SURNAMES)} ${rnd.pick(MIDDLE)} ${rnd.pick(GIVEN)}`;

  // Units
  const units = planUnits(unitCount, rnd, taken);
  const unitById = new Map(units.map((u) => [u.id, u]));
  for (const u of units) {
    writeFileSync(
      join(root, 'units', `${u.id}.md`),
      unitMarkdown(u, u.parent ? unitById.get(u.parent) : undefined, rnd, paragraphs, person),
    );
  }
  const ancestorsOf = (u: UnitPlan) => {
    const chain: UnitPlan[] = [];
    for (let p = u.parent ? unitById.get(u.parent) : undefined; p; p = p.parent ? unitById.get(p.parent) : undefined)
      chain.push(p);
    return chain;
  };
  // Units that news is about: unions (not agencies), most news about base unions and their uppers.
  const newsworthy = units.filter((u) => u.level !== 'co-quan' && u.level !== 'tong-lien-doan');
  const unitsByPopularity = [...newsworthy];
  for (let i = unitsByPopularity.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [unitsByPopularity[i], unitsByPopularity[j]] = [unitsByPopularity[j]!, unitsByPopularity[i]!];
  }

  // Images
  const imageNames =
    imageCount > 0 && articleCount > 0 ? await writeImages(join(root, 'news', 'images'), imageCount, rnd) : [];

  // Article skeletons: dates spread over 2014–2025, newest ones denser (sites publish more).
  interface ArticlePlan extends GeneratedArticle {
    unit: UnitPlan;
    year: number;
  }
  const articles: ArticlePlan[] = [];
  const articlesByUnit = new Map<string, ArticlePlan[]>();
  for (let i = 0; i < articleCount; i++) {
    const unit = unitsByPopularity[rnd.skewed(unitsByPopularity.length)]!;
    const year = Math.min(2025, Math.max(unit.from, 2014 + Math.floor(12 * Math.sqrt(rnd.next()))), unit.to);
    const month = rnd.int(1, 12);
    const day = rnd.int(1, 28);
    const publishedAt = `${year}-${pad(month)}-${pad(day)}T${pad(rnd.int(6, 22))}:${pad(rnd.int(0, 59))}:00+07:00`;
    const undated = rnd.chance(0.005);
    const action = rnd
      .pick(ACTIONS)
      .replace('{y5}', String(year + 5))
      .replace('{y}', String(year));
    const name = unit.shortName ?? unit.name;
    const title = `${name} ${action}`;
    const id = (() => {
      const slug = vietnameseSlug(title, 70);
      let candidate = slug;
      for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
      taken.add(candidate);
      return candidate;
    })();
    const mdx = rnd.chance(mdxShare);
    const related = [
      unit.id,
      ...ancestorsOf(unit)
        .filter((a) => a.level !== 'tong-lien-doan')
        .slice(0, rnd.int(0, 2))
        .map((a) => a.id),
    ];
    const plan: ArticlePlan = {
      id,
      file: `news/${id}.${mdx ? 'mdx' : 'md'}`,
      title,
      mdx,
      publishedAt: undated ? undefined : publishedAt,
      draft: rnd.chance(0.01),
      hero: imageNames.length > 0 && rnd.chance(heroShare),
      units: related,
      awards: [],
      unit,
      year,
    };
    articles.push(plan);
    if (!articlesByUnit.has(unit.id)) articlesByUnit.set(unit.id, []);
    articlesByUnit.get(unit.id)!.push(plan);
  }

  // Awards
  const awardUnits = units.filter((u) => u.level !== 'tong-lien-doan');
  const awards: GeneratedArchive['awards'] = [];
  for (let i = 0; i < awardCount && awardUnits.length; i++) {
    const unit = awardUnits[rnd.skewed(awardUnits.length)]!;
    const individual = unit.level !== 'co-quan' && rnd.chance(0.3);
    const form = rnd.weighted(individual ? INDIVIDUAL_FORMS : COLLECTIVE_FORMS);
    const year = rnd.int(Math.max(2010, unit.from), Math.min(2025, unit.to));
    const ancestors = ancestorsOf(unit);
    const byUnit =
      ancestors.length && rnd.chance(0.75) ? ancestors[Math.min(ancestors.length - 1, rnd.int(0, 1))]! : undefined;
    const conferredBy =
      form === 'co-thi-dua-chinh-phu'
        ? { name: 'Thủ tướng Chính phủ', level: 'chinh-phu' }
        : form === 'huan-chuong'
          ? { name: 'Chủ tịch nước', level: 'nha-nuoc' }
          : byUnit
            ? { unit: byUnit.id, level: byUnit.conferrerLevel }
            : unit.province
              ? {
                  name: `Ủy ban nhân dân ${unit.province.startsWith('Thành phố') ? unit.province : `tỉnh ${unit.province}`}`,
                  level: 'tinh',
                }
              : undefined;
    const recipients = individual
      ? Array.from({ length: rnd.int(1, 3) }, () => ({
          kind: 'individual',
          name: person(),
          role: rnd.pick(ROLES),
          unit: unit.id,
        }))
      : [{ kind: 'collective', unit: unit.id }];
    const idBase = `${year}-${form}-${vietnameseSlug(unit.shortName ?? unit.name, 50)}`;
    let id = idBase;
    for (let n = 2; taken.has(id); n++) id = `${idBase}-${n}`;
    taken.add(id);
    const record: Record<string, unknown> = { form };
    if (form === 'bang-khen' || form === 'giay-khen')
      record.title = rnd.pick([
        'Hoàn thành xuất sắc nhiệm vụ',
        'Có thành tích xuất sắc trong phong trào thi đua',
        'Có thành tích xuất sắc trong công tác công đoàn',
      ]);
    if (conferredBy) record.conferredBy = conferredBy;
    record.year = year;
    if (rnd.chance(0.7) && year < 2025) {
      const decisionDate = `${year + 1}-${pad(rnd.int(1, 4))}-${pad(rnd.int(1, 28))}`;
      record.decision = {
        number: `${rnd.int(1, 999)}/QĐ-${rnd.pick(['LĐLĐ', 'TLĐ', 'CĐVC', 'UBND', 'VKSTC'])}`,
        date: decisionDate,
      };
    }
    record.recipients = recipients;
    if (rnd.chance(0.3)) record.campaign = rnd.pick(CAMPAIGNS);
    const candidates = (articlesByUnit.get(unit.id) ?? []).filter((a) => !a.draft);
    const article = candidates.length && rnd.chance(0.6) ? candidates[rnd.int(0, candidates.length - 1)] : undefined;
    if (article) {
      record.article = article.id;
      article.awards.push(id);
    }
    const label = FORM_LABEL[form] ?? form;
    const conferrer = conferredBy
      ? 'unit' in conferredBy
        ? unitById.get(conferredBy.unit!)!.name
        : conferredBy.name
      : undefined;
    if (rnd.chance(0.5)) {
      record.citation = `${conferrer ?? 'Cấp có thẩm quyền'} tặng ${label} năm ${year} cho ${individual ? (recipients[0] as { name: string }).name : unit.name}.`;
    }
    const revoked = rnd.chance(0.005);
    if (revoked) {
      record.status = 'revoked';
      record.revocation = {
        date: `${Math.min(2025, year + 1)}-${pad(rnd.int(6, 12))}-15`,
        reason: 'Thu hồi do phát hiện hồ sơ đề nghị khen thưởng không đúng sự thật.',
      };
    }
    const draft = rnd.chance(0.005);
    if (draft) record.draft = true;
    writeFileSync(join(root, 'awards', `${id}.yaml`), stringify(record, { lineWidth: 0 }));
    awards.push({ id, form, year, units: [unit.id], article: article?.id, draft });
  }

  // Article files
  for (const a of articles) {
    const start = rnd.int(0, paragraphs.length - 1);
    const count = rnd.int(4, 10);
    const body: string[] = [];
    const unitName = a.unit.shortName ?? a.unit.name;
    const leader = person();
    body.push(
      `Ngày ${rnd.int(1, 28)}/${rnd.int(1, 12)}/${a.year}, ${a.unit.name} ${a.title.slice(unitName.length + 1)}. Tham dự có đồng chí ${leader}, ${rnd.pick(ROLES)}, cùng ${rnd.int(30, 400)} đại biểu là cán bộ, đoàn viên công đoàn.`,
    );
    const used = new Set<number>();
    for (let k = 0; k < count; k++) {
      if (k === 2 && rnd.chance(0.4)) body.push(`## ${rnd.pick(HEADINGS)}`);
      if (k === 3 && rnd.chance(0.2)) {
        body.push(
          ['Một là', 'Hai là', 'Ba là']
            .map(
              (n) =>
                `- ${n}, ${sentenceOf(paragraphs[rnd.int(0, paragraphs.length - 1)]!, 160).replace(/^./, (c) => c.toLowerCase())}`,
            )
            .join('\n'),
        );
      }
      let index = (start + k * rnd.int(1, 3)) % paragraphs.length;
      while (used.has(index)) index = (index + 1) % paragraphs.length;
      used.add(index);
      body.push(paragraphs[index]!);
      if (k === 1 && rnd.chance(0.3)) body.push(`*${rnd.pick(IMAGE_SUBJECTS)} của ${unitName}.*`);
    }
    if (a.awards.length) {
      body.push(
        `Dịp này, ${a.unit.name} vinh dự được khen thưởng vì những thành tích đã đạt được trong năm ${a.year}; tổng kinh phí chăm lo cho đoàn viên là ${rnd.int(10, 900)}.${pad(rnd.int(0, 999), 3)}.000 đồng.`,
      );
    }
    let text = body.join('\n\n');
    if (a.mdx && rnd.chance(0.5)) {
      // MDX that uses MDX: an aside and a figure written as JSX.
      text += `\n\n<aside class="ghi-chu">\n\n**Ghi chú:** Bài viết có sử dụng thông tin từ báo cáo của ${a.unit.name} năm ${a.year}.\n\n</aside>\n\n<figure class="trich-dan">\n  <blockquote>Công đoàn là chỗ dựa tin cậy của đoàn viên và người lao động.</blockquote>\n  <figcaption>${leader}</figcaption>\n</figure>`;
    }
    const data: Record<string, unknown> = {
      title: a.title,
      summary: sentenceOf(body[0]!, 300),
    };
    if (a.publishedAt) data.publishedAt = a.publishedAt;
    if (a.publishedAt && rnd.chance(0.05))
      data.updatedAt = a.publishedAt.replace(
        /^(\d{4}-\d{2})-(\d{2})/,
        (_, ym: string, d: string) => `${ym}-${pad(Math.min(28, Number(d) + 1))}`,
      );
    if (rnd.chance(0.4)) data.author = `${person()}, ${unitName}`;
    if (rnd.chance(0.3)) data.source = rnd.pick(SOURCES);
    data.units = a.units;
    if (a.awards.length) data.awards = a.awards;
    data.tags = [...new Set([rnd.pick(TAGS), rnd.pick(TAGS)])];
    data.category = a.awards.length
      ? 'thi-dua-khen-thuong'
      : rnd.pick([
          'hoat-dong-cong-doan',
          'hoat-dong-cong-doan',
          'tin-tuc',
          'dai-hoi-hoi-nghi',
          'chinh-sach-phap-luat',
          'dien-dan',
        ]);
    if (a.hero) {
      const subject = rnd.pick(IMAGE_SUBJECTS);
      data.hero = {
        image: `./images/${rnd.pick(imageNames)}`,
        alt: `${subject} của ${unitName}`,
        caption: `${subject}.`,
      };
    }
    if (a.draft) data.draft = true;
    writeFileSync(join(root, a.file), `---\n${stringify(data, { lineWidth: 0 })}---\n\n${text}\n`);
  }

  return {
    dir: root,
    articles: articles.map(({ unit: _u, year: _y, ...rest }) => rest),
    units: units.map((u) => ({ id: u.id, name: u.name, level: u.level, parent: u.parent, province: u.province })),
    awards,
    images: imageNames.map((n) => `news/images/${n}`),
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: string[]): ArchiveOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (name: string) => {
    const v = get(name);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new Error(`--${name} needs a number, got "${v}"`);
    return n;
  };
  const dir = get('dir');
  const articles = num('articles');
  if (!dir || articles === undefined) {
    throw new Error(
      'Usage: npx node scripts/lib/synthetic-archive.ts --dir <content dir> --articles N [--units U] [--awards A] [--seed S] [--mdx-share F] [--images I] [--base content]',
    );
  }
  const opts: ArchiveOptions = { dir, articles };
  const units = num('units');
  const awards = num('awards');
  const seed = num('seed');
  const mdxShare = num('mdx-share');
  const images = num('images');
  const base = get('base');
  if (units !== undefined) opts.units = units;
  if (awards !== undefined) opts.awards = awards;
  if (seed !== undefined) opts.seed = seed;
  if (mdxShare !== undefined) opts.mdxShare = mdxShare;
  if (images !== undefined) opts.images = images;
  if (base !== undefined) opts.base = base;
  return opts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  try {
    const opts = parseArgs(process.argv.slice(2));
    const archive = await generateArchive(opts);
    console.log(
      JSON.stringify({
        dir: archive.dir,
        articles: archive.articles.length,
        mdx: archive.articles.filter((a) => a.mdx).length,
        units: archive.units.length,
        awards: archive.awards.length,
        images: archive.images.length,
        seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      }),
    );
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}

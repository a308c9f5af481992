/**
 * The five seed articles import into articles an editor would publish: title, date, author,
 * units, no portal chrome, valid frontmatter, bodies that compile, and the awards proposed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type InputResult } from '#src/importer/run.ts';
import { awardIssues, newsIssues, parseBack, SEEDS, splitFrontmatter, tempContent } from './support.ts';

const CHROME = [
  'leftcenterrightdel',
  'Bình luận',
  'bình luận',
  'Mã bảo mật',
  'lên đầu trang',
  'Thống kê',
  'Đang truy cập',
  'Tổng số điểm',
  'Click để đánh giá',
  'Thăm dò ý kiến',
  'Thời gian chờ',
  'Ca khúc',
  'HN CBCC',
  'ĐC Vuong',
  '¬',
  '\u00a0',
];

const EXPECTED = [
  {
    seed: '000',
    title:
      'Công đoàn Viện kiểm sát nhân dân thành phố Hải Phòng: Thực hiện tốt dân chủ ở cơ sở, góp phần xây dựng Đảng, xây dựng cơ quan, đơn vị trong sạch vững mạnh',
    publishedAt: null,
    author: 'Nguyễn Thị Thu Mong – Tổ công đoàn Thanh tra & Khiếu tố',
    units: ['cong-doan-vksnd-thanh-pho-hai-phong'],
    paragraphs: 8,
    awards: [],
  },
  {
    seed: '001',
    title: 'Công đoàn VKSND tỉnh Quảng Ngãi được vinh danh là đơn vị xuất sắc tiêu biểu trong nhiều phong trào thi đua',
    publishedAt: '2023-02-02T16:18:00+07:00',
    author: null,
    units: ['cong-doan-vksnd-tinh-quang-ngai', 'vksnd-tinh-quang-ngai', 'lien-doan-lao-dong-tinh-quang-ngai'],
    paragraphs: 13,
    awards: [
      ['vinh-danh', 'Tập thể xuất sắc tiêu biểu', 2022, null, 'Công đoàn cơ sở VKSND tỉnh Quảng Ngãi'],
      [
        'bang-khen',
        'Hoàn thành xuất sắc nhiệm vụ',
        2022,
        'Liên đoàn Lao động tỉnh Quảng Ngãi',
        'Công đoàn cơ sở VKSND tỉnh Quảng Ngãi',
      ],
      ['co-thi-dua', 'Cờ thi đua ngành Kiểm sát nhân dân', 2022, null, 'VKSND tỉnh Quảng Ngãi'],
      [
        'co-thi-dua',
        'Tập thể hoàn thành xuất sắc nhiệm vụ cụm khối các cơ quan TW',
        2022,
        'UBND tỉnh',
        'VKSND tỉnh Quảng Ngãi',
      ],
      ['bang-khen', 'Tổng kết 10 năm thực hiện NQ TW 8', 2022, 'Chủ tịch UBND tỉnh', 'VKSND tỉnh Quảng Ngãi'],
      ['bang-khen', 'Thực hiện tốt công tác phòng, chống tội phạm', 2022, null, 'VKSND tỉnh Quảng Ngãi'],
      // The same Bằng khen of LĐLĐ tỉnh Quảng Ngãi stated again here is not proposed twice.
      [
        'bang-khen',
        'Hoàn thành xuất sắc nhiệm vụ',
        2022,
        'Công đoàn Viên chức tỉnh Quảng Ngãi',
        'Công đoàn VKSND tỉnh Quảng Ngãi',
      ],
    ],
  },
  {
    seed: '002',
    title: 'Giải pháp tạo chuyển biến tích cực, rõ nét trong hoạt động của Công đoàn Viên chức tỉnh',
    publishedAt: '2023-06-18T23:05:00+07:00',
    author: 'PGS-TS Thân Minh Quế, TUV – Bí thư Đảng uỷ Các cơ quan tỉnh',
    units: ['cong-doan-vien-chuc-tinh-bac-giang'],
    paragraphs: 39,
    awards: [],
  },
  {
    seed: '003',
    title:
      'Công đoàn Viên chức tỉnh với công tác chăm lo và bảo vệ quyền, lợi ích hợp pháp, chính đáng cho công chức, viên chức, người lao động',
    publishedAt: '2016-10-27T10:56:00+07:00',
    author: 'Tô Thị Ái, Công đoàn Viên chức tỉnh',
    units: ['cong-doan-vien-chuc-tinh-lang-son'],
    paragraphs: 13,
    awards: [],
  },
  {
    seed: '004',
    title:
      'Tham dự Hội nghị có các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành Công đoàn cùng đại diện các Công đoàn bộ phận thuộc Công đoàn VKSND tối cao',
    publishedAt: null,
    author: 'Đắc Thái',
    units: ['cong-doan-vksnd-toi-cao', 'vksnd-toi-cao', 'cong-doan-vien-chuc-viet-nam'],
    paragraphs: 20,
    awards: [
      ['vinh-danh', 'Gương mặt của năm', 2020, 'Công đoàn Viên chức Việt Nam', 'các cá nhân'],
      ['vinh-danh', 'Gương mặt của năm', 2021, 'Công đoàn Viên chức Việt Nam', 'các cá nhân'],
      [
        'bang-khen',
        'Thành tích xuất sắc trong hoạt động công đoàn và công tác nữ công',
        2021,
        'Công đoàn Viên chức Việt Nam',
        'các tập thể và cá nhân',
      ],
    ],
  },
] as const;

let tree: ReturnType<typeof tempContent>;
let results: InputResult[];
beforeAll(async () => {
  tree = tempContent();
  results = await runImport({ inputs: [SEEDS], outDir: tree.news, today: '2026-11-23' });
});

const resultOf = (seed: string) => results.find((r) => r.source.includes(`${seed}_`))!;

describe('importing the five seeds', () => {
  it('imports every seed', () => {
    expect(results.map((r) => [r.source.slice(-24, -21), r.ok, r.error])).toEqual(
      EXPECTED.map((e) => [e.seed, true, undefined]),
    );
  });

  it.each(EXPECTED)('seed $seed: title, date, author, units', (e) => {
    const r = resultOf(e.seed);
    expect(r.title).toBe(e.title);
    expect(r.publishedAt).toBe(e.publishedAt);
    expect(r.author).toBe(e.author);
    for (const u of e.units) expect(r.units).toContain(u);
  });

  it.each(EXPECTED)('seed $seed: body without portal chrome, NFC, rejoined paragraphs', (e) => {
    const body = resultOf(e.seed).body!;
    for (const c of CHROME) expect(body, c).not.toContain(c);
    expect(body).toBe(body.normalize('NFC'));
    if (e.seed !== '004') expect(body).not.toContain(e.title); // the title is not repeated in the body (004's is its first sentence)
    if (e.author) expect(body).not.toContain(e.author.split(/[,–]/)[0]!.trim());
    const paragraphs = body.split(/\n\n/).filter((p) => p.trim());
    expect(paragraphs.length).toBe(e.paragraphs);
    // No paragraph is a fragment of a hard-wrapped line.
    for (const p of paragraphs) expect(p.trim(), p.slice(0, 60)).toMatch(/^[*\-#\p{Lu}\d“"(\\]/u);
  });

  it.each(EXPECTED)('seed $seed: the awards proposed', (e) => {
    const got = resultOf(e.seed).awards!.map((a) => [a.form, a.title, a.year, a.conferredBy, a.recipients[0]]);
    expect(got).toEqual(e.awards);
    for (const a of resultOf(e.seed).awards!) expect(resultOf(e.seed).body).toContain(a.sentence.slice(0, 80));
  });

  it.each(EXPECTED)('seed $seed: files valid against the schemas, awards linked to the article, body compiles', (e) => {
    const r = resultOf(e.seed);
    const article = r.files!.find((f) => f.path.endsWith('.md'))!;
    const path = join(process.cwd(), article.path);
    expect(newsIssues(path)).toEqual([]);
    const { data, body } = splitFrontmatter(readFileSync(path, 'utf8'));
    const id = article.path.split('/').pop()!.replace(/\.md$/, '');
    const awardFiles = r.files!.filter((f) => f.path.endsWith('.yaml'));
    expect(awardFiles.length).toBe(e.awards.length);
    expect(data.awards ?? []).toEqual(
      awardFiles.map((f) =>
        f.path
          .split('/')
          .pop()!
          .replace(/\.yaml$/, ''),
      ),
    );
    for (const f of awardFiles) {
      const p = join(process.cwd(), f.path);
      expect(awardIssues(p)).toEqual([]);
      const award = readFileSync(p, 'utf8');
      expect(award).toContain(`article: "${id}"`);
      expect(award).toContain('draft: true');
    }
    const { mdx, md } = parseBack(body);
    expect([...mdx].filter((t) => t.startsWith('mdx'))).toEqual([]);
    expect(md.has('html')).toBe(false);
  });

  it('keeps the source the article names: "(kiemsat.vn)"', () => {
    const { data } = splitFrontmatter(readFileSync(join(process.cwd(), resultOf('001').files![0]!.path), 'utf8'));
    expect(data.source).toEqual({ name: 'kiemsat.vn' });
    expect(resultOf('001').body).not.toContain('kiemsat.vn');
  });

  it('seed 004 has no title line: a title is taken from the first sentence and the article stays a draft', () => {
    const r = resultOf('004');
    const { data } = splitFrontmatter(readFileSync(join(process.cwd(), r.files![0]!.path), 'utf8'));
    expect(data.draft).toBe(true);
    expect(r.notes!.join(' ')).toContain('không có tiêu đề');
  });

  it('reports what it removed, per file and rule', () => {
    expect(resultOf('003').removed!.map((x) => x.rule)).toEqual(['slogan', 'image-alt-text', 'image-alt-text']);
    expect(resultOf('004').removed!.filter((x) => x.rule === 'photo-table')).toHaveLength(6);
    const rules002 = new Set(resultOf('002').removed!.map((x) => x.rule));
    for (const rule of ['repeated-title', 'rating', 'comments', 'captcha', 'counter', 'poll', 'session'])
      expect(rules002).toContain(rule);
    expect(resultOf('001').removed!.map((x) => x.rule)).toEqual(['comments', 'comments', 'back-to-top']);
  });

  it('keeps photo captions as captions', () => {
    expect(resultOf('004').body).toContain('*Quang cảnh Hội nghị.*');
    expect(resultOf('003').body).toContain('*Hội nghị Cán bộ công chức viên chức Ban quản lý');
    expect(resultOf('002').body).toContain(
      '*Đồng chí Thân Minh Quế cùng các đại biểu tại Liên hoan tuyên truyền ca khúc cách mạng.*',
    );
  });

  it('repairs mojibake and rejoins hard-wrapped lines', () => {
    expect(resultOf('003').body).toContain('pháp luật của Nhà nước trong cơ quan');
    expect(resultOf('000').body).toContain(
      'đã được Liên đoàn Lao động thành phố, Công đoàn viên chức thành phố tập trung chỉ đạo',
    );
    expect(resultOf('000').body).toContain('Vai trò của tổ chức Công đoàn còn được khẳng định');
  });

  it('importing the seeds again changes nothing (every award keeps its id)', async () => {
    const again = await runImport({ inputs: [SEEDS], outDir: tree.news, today: '2026-11-23' });
    const outcomes = again.flatMap((r) => r.files!.map((f) => f.outcome));
    expect(outcomes).toHaveLength(15);
    expect(new Set(outcomes)).toEqual(new Set(['unchanged']));
  });

  it('writes nothing outside its folders', () => {
    expect(readdirSync(tree.root).sort()).toEqual(['.import-manifest.json', 'awards', 'news', 'units']);
  });
});

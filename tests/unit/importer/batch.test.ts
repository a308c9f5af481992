/**
 * Portal styles other than the seeds, hostile inputs in one batch, and "nothing lost,
 * nothing clobbered": idempotent re-import, edited files kept, --force, --dry-run, the CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type InputResult } from '#src/importer/run.ts';
import { projectRoot } from '../../../scripts/lib/paths.ts';
import { awardIssues, FIXTURES, newsIssues, parseBack, splitFrontmatter, tempContent } from './support.ts';

const PORTALS = join(FIXTURES, 'portals');
const TODAY = '2026-11-23';

describe('articles in the style of other portals', () => {
  const tree = tempContent('units');
  let results: InputResult[] = [];
  beforeAll(async () => {
    results = await runImport({ inputs: [PORTALS], outDir: tree.news, today: TODAY });
  });
  const byName = (name: string) => results.find((r) => r.source.endsWith(name))!;

  it.each([
    {
      file: 'nukeviet.html',
      title: 'Bệnh viện Đa khoa tỉnh nhận Bằng khen của Tổng Liên đoàn',
      publishedAt: '2022-03-14T09:15:00+07:00',
      author: 'Minh Hằng',
      units: [
        'tong-lien-doan-lao-dong-viet-nam',
        'lien-doan-lao-dong-tinh-nam-dinh',
        'cong-doan-co-so-benh-vien-da-khoa-tinh-nam-dinh',
      ],
      contains: ['*Quang cảnh hội nghị tổng kết.*', 'mục tiêu phát triển thêm 3.000 đoàn viên mới'],
      absent: [
        'Hôm nay',
        'Trang chủ',
        'Từ khóa',
        'Tin liên quan',
        'Ý kiến bạn đọc',
        'Mã bảo mật',
        '©',
        'Chia sẻ',
        'alert',
        'evil',
        'onclick',
        'hoi nghi',
      ],
    },
    {
      file: 'joomla.html',
      title: 'Tập huấn cán bộ công đoàn cơ sở năm 2021',
      publishedAt: '2021-05-04T08:30:00+07:00',
      author: null,
      units: [],
      contains: [
        '### Nội dung tập huấn',
        '- Kỹ năng tổ chức đại hội công đoàn cơ sở;',
        '\\{x}',
        '\\<Foo>',
        'Tài liệu kèm theo được gửi',
      ],
      absent: ['Lượt xem', 'Bài trước', 'Bản quyền', 'javascript:', 'Theo Báo Lao Động', 'Thứ Hai, 23/11/2026'],
    },
    {
      file: 'liferay.html',
      title: 'Trao Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”',
      publishedAt: '2022-11-25T08:30:00+07:00',
      author: 'Lê Văn Nam',
      units: ['lien-doan-lao-dong-tinh-nam-dinh'],
      contains: ['*Các cán bộ nhận Kỷ niệm chương.*'],
      absent: ['Đánh giá', 'Bình luận', 'Hôm nay', 'Tin, ảnh', 'aui.js'],
    },
    {
      file: 'homemade.txt',
      title: 'Ký kết thỏa ước lao động tập thể tại Công ty May Nam Định',
      publishedAt: '2022-11-25T14:05:00+07:00',
      author: null,
      units: [],
      contains: ['- Tăng tiền ăn ca lên 25.000 đồng/người/ngày;\n- Hỗ trợ nhà trọ', 'Thỏa ước gồm các nội dung chính:'],
      absent: [
        'Trang chủ',
        'Cỡ chữ',
        'Tags',
        'Lượt xem',
        'In bài viết',
        'Tin liên quan',
        'Đối thoại tại nơi làm việc',
        '©',
        '23/11/2026',
      ],
    },
    {
      // The page was saved on 15/03/2017: its header printed that day above the title.
      file: 'old-banner.txt',
      title: 'Công đoàn ngành Y tế tổ chức hội thao chào mừng ngày Quốc tế Phụ nữ',
      publishedAt: '2017-03-08T10:20:00+07:00',
      author: 'Hoàng Lan',
      units: [],
      contains: ['Sáng 8/3, Công đoàn ngành Y tế tỉnh tổ chức hội thao'],
      absent: ['15/03/2017', 'Đăng lúc'],
    },
    {
      file: 'double-encoded.txt',
      title: 'Hướng dẫn mới về tài chính công đoàn',
      publishedAt: '2024-01-05T07:45:00+07:00',
      author: 'Nguyễn Văn An',
      units: ['tong-lien-doan-lao-dong-viet-nam'],
      contains: ['Công đoàn cơ sở cần lập dự toán'],
      absent: ['Ã', 'Ä'],
    },
  ])('$file: title, date, author, units, clean body', (e) => {
    const r = byName(e.file);
    expect(r.ok, r.error).toBe(true);
    expect(r.title).toBe(e.title);
    expect(r.publishedAt).toBe(e.publishedAt);
    expect(r.author).toBe(e.author);
    expect(r.units).toEqual(e.units);
    for (const c of e.contains) expect(r.body).toContain(c);
    for (const a of e.absent) expect(r.body, a).not.toContain(a);
    const path = join(process.cwd(), r.files![0]!.path);
    expect(newsIssues(path)).toEqual([]);
    const { mdx, md } = parseBack(splitFrontmatter(readFileSync(path, 'utf8')).body);
    expect([...mdx].filter((t) => t.startsWith('mdx'))).toEqual([]);
    expect(md.has('html')).toBe(false);
  });

  it('keeps the source named by the article or the page', () => {
    const home = readFileSync(join(process.cwd(), byName('homemade.txt').files![0]!.path), 'utf8');
    expect(splitFrontmatter(home).data.source).toEqual({ name: 'congdoannamdinh.vn' });
    const nuke = readFileSync(join(process.cwd(), byName('nukeviet.html').files![0]!.path), 'utf8');
    expect(splitFrontmatter(nuke).data.source).toEqual({
      name: 'congdoannamdinh.vn',
      url: 'https://congdoannamdinh.vn/tin-tuc/benh-vien-nhan-bang-khen-123.html',
    });
  });

  it('proposes awards with decision number and date, campaign and conferring unit', () => {
    const r = byName('nukeviet.html');
    expect(r.awards!.map((a) => [a.form, a.year, a.conferredBy])).toEqual([
      ['bang-khen', 2021, 'Tổng Liên đoàn Lao động Việt Nam'],
    ]);
    const award = r.files!.find((f) => f.path.endsWith('.yaml'))!;
    const text = readFileSync(join(process.cwd(), award.path), 'utf8');
    expect(awardIssues(join(process.cwd(), award.path))).toEqual([]);
    expect(text).toContain('number: "1234/QĐ-TLĐ"');
    expect(text).toContain('date: "2022-02-15"');
    expect(text).toContain('campaign: "Lao động giỏi, lao động sáng tạo"');
    expect(text).toContain('unit: "tong-lien-doan-lao-dong-viet-nam"');
    expect(text).toContain('unit: "cong-doan-co-so-benh-vien-da-khoa-tinh-nam-dinh"');
    const liferay = byName('liferay.html');
    expect(liferay.awards!.map((a) => [a.form, a.title, a.year])).toEqual([
      ['ky-niem-chuong', 'Vì sự nghiệp xây dựng tổ chức Công đoàn', 2022],
    ]);
  });

  it('reports the unsafe HTML it dropped and the images it did not import', () => {
    const r = byName('nukeviet.html');
    const unsafe = r.removed!.filter((x) => x.rule === 'unsafe-html').map((x) => x.text);
    for (const tag of ['<script>', '<style>', '<iframe>', '<form>']) expect(unsafe.join(' ')).toContain(tag);
    expect(r.images).toEqual([
      expect.objectContaining({ src: '/uploads/news/2022_03/hoi-nghi.jpg', outcome: 'not-brought' }),
    ]);
  });
});

describe('hostile inputs: a clean result or a clear error, and the batch goes on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-hostile-'));
  writeFileSync(
    join(dir, 'a-jsx.txt'),
    'Hàm {x} và thẻ <Foo bar={1}> trong bài\n\n02/02/2023 16:18\n\nCông thức {a + b} và <script>alert(1)</script> được nhắc đến trong bài như văn bản thường, cùng với </div> và {/* chú thích */} và `mã` và [liên kết](javascript:alert(1)).\n\nimport x from "y"\n\nexport const a = 1\n\nĐắc Thái\n',
  );
  writeFileSync(
    join(dir, 'b-script.html'),
    '<html><head><title>Tin có mã độc</title><script>alert(1)</script></head><body><div class="content-detail"><h1>Tin có mã độc</h1><p onmouseover="alert(1)">Đoạn văn có sự kiện onmouseover, một đường dẫn <a href="javascript:alert(2)">bấm vào đây</a> và một ảnh <img src=x onerror=alert(3)>.</p><iframe src="https://evil.example"></iframe><form><input value="x"></form><p>Đoạn thứ hai đủ dài để là nội dung của bài viết, không có gì nguy hiểm trong đó cả.</p><style>p{}</style></div></body></html>',
  );
  writeFileSync(join(dir, 'c-empty.txt'), '');
  writeFileSync(
    join(dir, 'd-binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  writeFileSync(
    join(dir, 'e-huge.txt'),
    `Tiêu đề bài rất dài\n\n${'Công đoàn cơ sở tổ chức hội nghị. '.repeat(160_000)}`,
  );
  writeFileSync(
    join(dir, 'f-latin1.txt'),
    Buffer.from('Tin c\xf3ng \xf0o\xe0n\n\nN\xf4i dung b\xe0i vi\xeat.\n', 'latin1'),
  );
  writeFileSync(join(dir, 'g-blank.txt'), '   \n\n  \n');
  writeFileSync(
    join(dir, 'h-good.txt'),
    'Một bài bình thường sau các tệp hỏng\n\n05/01/2024 07:45\n\nCông đoàn cơ sở tổ chức hội nghị cán bộ, công chức năm 2024 với sự tham dự của toàn thể đoàn viên.\n',
  );
  const tree = tempContent('units');
  let results: InputResult[] = [];
  beforeAll(async () => {
    results = await runImport({ inputs: [dir, join(dir, 'z-missing.txt')], outDir: tree.news, today: TODAY });
  });
  const r = (name: string) => results.find((x) => x.source.endsWith(name))!;

  it.each([
    ['c-empty.txt', 'tệp rỗng'],
    ['d-binary.txt', 'tệp nhị phân'],
    ['e-huge.txt', 'tệp quá lớn'],
    ['f-latin1.txt', 'không phải UTF-8'],
    ['g-blank.txt', 'chỉ có khoảng trắng'],
    ['z-missing.txt', 'không tìm thấy tệp'],
  ])('%s fails with a clear error naming the file', (name, message) => {
    expect(r(name).ok).toBe(false);
    expect(r(name).error).toContain(name);
    expect(r(name).error).toContain(message);
  });

  it('the 5 MB file really is over 5 MB', () => {
    expect(readFileSync(join(dir, 'e-huge.txt')).length).toBeGreaterThan(5_000_000);
  });

  it('JSX-like text and script tags in text come out as text that compiles', () => {
    const a = r('a-jsx.txt');
    expect(a.ok).toBe(true);
    expect(a.title).toBe('Hàm {x} và thẻ <Foo bar={1}> trong bài');
    const path = join(process.cwd(), a.files![0]!.path);
    expect(newsIssues(path)).toEqual([]);
    const { body } = splitFrontmatter(readFileSync(path, 'utf8'));
    const { mdx, md } = parseBack(body);
    expect([...mdx].filter((t) => t.startsWith('mdx'))).toEqual([]);
    expect(md.has('html')).toBe(false);
    expect(body).toContain('\\<script>alert(1)\\</script>');
    expect(body).toContain('\\{a + b}');
    expect(body).toContain('&#x69;mport x from "y"');
    expect(body).toContain('&#x65;xport const a = 1');
  });

  it('HTML is sanitised: no script, event handler, iframe, form or javascript: link', () => {
    const b = r('b-script.html');
    expect(b.ok).toBe(true);
    for (const bad of ['alert', 'onmouseover=', 'onerror', 'iframe', 'evil', 'javascript:', '<input', 'p{}'])
      expect(b.body, bad).not.toContain(bad);
    expect(b.body).toContain('một đường dẫn bấm vào đây');
  });

  it('the good files around the bad ones are imported', () => {
    expect(results.filter((x) => x.ok).map((x) => x.source.split('/').pop())).toEqual([
      'a-jsx.txt',
      'b-script.html',
      'h-good.txt',
    ]);
  });
});

describe('nothing lost, nothing clobbered', () => {
  const input = join(FIXTURES, 'portals/homemade.txt');

  it('importing the same input twice changes nothing', async () => {
    const tree = tempContent('units');
    await runImport({ inputs: [input, join(FIXTURES, 'portals/nukeviet.html')], outDir: tree.news, today: TODAY });
    const snapshot = () =>
      ['news', 'awards']
        .flatMap((d) => readdirSync(join(tree.root, d)).map((f) => [f, readFileSync(join(tree.root, d, f), 'utf8')]))
        .concat([['m', readFileSync(join(tree.root, '.import-manifest.json'), 'utf8')]]);
    const before = snapshot();
    const again = await runImport({
      inputs: [input, join(FIXTURES, 'portals/nukeviet.html')],
      outDir: tree.news,
      today: TODAY,
    });
    expect(again.flatMap((x) => x.files!.map((f) => f.outcome))).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(snapshot()).toEqual(before);
  });

  it('an article edited since its import is kept; --force overwrites it', async () => {
    const tree = tempContent('units');
    const [first] = await runImport({ inputs: [input], outDir: tree.news, today: TODAY });
    const path = join(process.cwd(), first!.files![0]!.path);
    const edited = readFileSync(path, 'utf8').replace('Ký kết thỏa ước', 'Ký kết thỏa ước (đã biên tập)');
    writeFileSync(path, edited);
    const [second] = await runImport({ inputs: [input], outDir: tree.news, today: TODAY });
    expect(second!.files![0]!.outcome).toBe('kept-edited');
    expect(readFileSync(path, 'utf8')).toBe(edited);
    const [third] = await runImport({ inputs: [input], outDir: tree.news, today: TODAY, force: true });
    expect(third!.files![0]!.outcome).toBe('overwritten');
    expect(readFileSync(path, 'utf8')).not.toBe(edited);
  });

  it('a file the importer did not write is never touched: the article gets another id', async () => {
    const tree = tempContent('units');
    await runImport({ inputs: [input], outDir: tree.news, today: TODAY, dryRun: true });
    expect(existsSync(tree.news)).toBe(false);
    const [dry] = await runImport({ inputs: [input], outDir: tree.news, today: TODAY, dryRun: true });
    const id = dry!.files![0]!.path.split('/').pop()!;
    mkdirSync(tree.news, { recursive: true });
    writeFileSync(join(tree.news, id), 'hand-written\n');
    const [real] = await runImport({ inputs: [input], outDir: tree.news, today: TODAY });
    expect(real!.files![0]!.path).toMatch(/-2\.md$/);
    expect(readFileSync(join(tree.news, id), 'utf8')).toBe('hand-written\n');
  });

  it('the CLI: --json on stdout, errors on stderr naming the file, exit code 1 when an input failed, --dry-run writes nothing', () => {
    const tree = tempContent('units');
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const run = spawnSync(
      join(projectRoot, 'node_modules/.bin/node'),
      [
        join(projectRoot, 'scripts/import.ts'),
        '--dry-run',
        '--json',
        '--today',
        TODAY,
        '--out-dir',
        tree.news,
        input,
        join(dir, 'empty.txt'),
      ],
      { encoding: 'utf8', cwd: projectRoot },
    );
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(json).toHaveLength(2);
    expect(Object.keys(json[0]!)).toEqual(
      expect.arrayContaining(['source', 'title', 'publishedAt', 'author', 'body', 'units', 'awards']),
    );
    expect(json[0]!.publishedAt).toBe('2022-11-25T14:05:00+07:00');
    expect(run.stderr).toContain('empty.txt: tệp rỗng');
    expect(existsSync(tree.news)).toBe(false);
    expect(existsSync(join(tree.root, '.import-manifest.json'))).toBe(false);
  });
});

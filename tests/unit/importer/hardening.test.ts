/**
 * Importer hardening (issue 13, item 9): inputs that used to be rejected, loop, fail a file or
 * crash the importer — UTF-16 files, symlink loops, malformed source URLs, bidi controls, the size
 * message, the --dry-run summary, deeply nested HTML.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputSize, decodeInput, MAX_INPUT_BYTES } from '#src/importer/decode.ts';
import { boundHtmlDepth, MAX_HTML_DEPTH } from '#src/importer/html-depth.ts';
import { collectInputs, runImport } from '#src/importer/run.ts';
import { repairText, stripHiddenControls } from '#src/importer/text-repair.ts';
import { projectRoot } from '../../../scripts/lib/paths.ts';
import { newsIssues, splitFrontmatter, tempContent } from './support.ts';

const TODAY = '2026-06-01';
const ARTICLE = [
  'Công đoàn cơ sở tổ chức hội nghị cán bộ năm 2024',
  '',
  '05/01/2024 07:45',
  '',
  'Công đoàn cơ sở tổ chức hội nghị cán bộ, công chức năm 2024 với sự tham dự của toàn thể đoàn viên trong đơn vị.',
  '',
].join('\n');

const scratch = () => mkdtempSync(join(tmpdir(), 'import-hardening-'));

/** Import one file into a fresh content tree; returns the result and the article file's text. */
async function importOne(name: string, content: string | Buffer) {
  const dir = scratch();
  writeFileSync(join(dir, name), content);
  const tree = tempContent('units');
  const [result] = await runImport({ inputs: [join(dir, name)], outDir: tree.news, today: TODAY, cwd: tree.root });
  const path = result?.files?.find((f) => f.path.startsWith('news/'))?.path;
  return {
    result: result!,
    path: path && join(tree.root, path),
    text: path ? readFileSync(join(tree.root, path), 'utf8') : '',
  };
}

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('UTF-16 files with a byte-order mark are decoded, not rejected as binary', () => {
  it.each([
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')])],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE)])],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')])],
  ])('%s', async (_, bytes) => {
    const { text, kind } = decodeInput(bytes, 'bai.txt');
    expect(text).toBe(ARTICLE);
    expect(kind).toBe('text');
    const imported = await importOne('bai.txt', bytes);
    expect(imported.result.ok, imported.result.error).toBe(true);
    expect(imported.result.title).toBe('Công đoàn cơ sở tổ chức hội nghị cán bộ năm 2024');
    expect(newsIssues(imported.path!)).toEqual([]);
  });

  it.each([
    ['UTF-16 holding binary data', Buffer.from([0xff, 0xfe, 0x41, 0, 0, 0, 0x42, 0]), 'tệp nhị phân'],
    [
      'UTF-16 LE cut short (unpaired surrogate)',
      Buffer.from([0xff, 0xfe, 0x41, 0, 0x3d, 0xd8]),
      'tệp UTF-16 LE bị hỏng',
    ],
    ['UTF-8 with NUL bytes', Buffer.from([0x41, 0, 0x42, 0]), 'tệp nhị phân'],
  ])('%s is still refused', (_, bytes, message) => {
    expect(() => decodeInput(bytes, 'x.txt')).toThrow(message);
  });
});

describe('symlinks in an input folder: every file once, no endless walk', () => {
  function tree() {
    const dir = scratch();
    writeFileSync(join(dir, 'a.txt'), ARTICLE);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.txt'), ARTICLE.replace('2024', '2025'));
    symlinkSync('.', join(dir, 'self')); // a folder that holds itself
    symlinkSync('..', join(dir, 'sub', 'up')); // a loop through the parent
    symlinkSync(dir, join(dir, 'sub', 'root')); // the same by an absolute path
    symlinkSync('a.txt', join(dir, 'c.txt')); // a second name for a file
    return dir;
  }

  it('collectInputs lists each real file once', () => {
    const dir = tree();
    expect(collectInputs([dir]).map((p) => p.slice(dir.length + 1))).toEqual(['a.txt', 'sub/b.txt']);
  });

  it('the same file named twice on the command line, or by a link, is imported once', () => {
    const dir = tree();
    expect(collectInputs([join(dir, 'a.txt'), join(dir, 'c.txt'), join(dir, 'self', 'a.txt')])).toEqual([
      join(dir, 'a.txt'),
    ]);
  });

  it('the import of such a folder finishes with two articles', async () => {
    const dir = tree();
    const t = tempContent('units');
    const results = await runImport({ inputs: [dir], outDir: t.news, today: TODAY, cwd: t.root });
    expect(results.map((r) => [r.source.split('/').pop(), r.ok])).toEqual([
      ['a.txt', true],
      ['b.txt', true],
    ]);
  });
});

describe('a malformed source URL is dropped with a note; the file is imported', () => {
  const page = (url: string) =>
    `<html><head><title>Tin mẫu</title><meta property="og:url" content="${url}"></head><body><article><h1>Hội nghị cán bộ công chức năm 2024</h1><p>Ngày 05/01/2024, Công đoàn cơ sở tổ chức hội nghị cán bộ, công chức năm 2024 với sự tham dự của toàn thể đoàn viên.</p></article></body></html>`;

  it.each([
    'http://',
    'https://',
    'http://[::1',
    'javascript:alert(1)',
    '/tin-tuc/bai-viet.html',
    'không phải địa chỉ',
  ])('og:url=%j', async (url) => {
    const { result, text } = await importOne('bai.html', page(url));
    expect(result.ok, result.error).toBe(true);
    expect(result.notes!.join('\n')).toContain(
      `Địa chỉ nguồn "${url}" (og:url hoặc canonical) không phải một địa chỉ http(s) đầy đủ: đã bỏ`,
    );
    expect(splitFrontmatter(text).data.source).toBeUndefined();
  });

  it('a whole address is kept as the source', async () => {
    const { result, text } = await importOne('bai.html', page('https://congdoan.example.vn/tin/1.html'));
    expect(result.notes!.join('\n')).not.toContain('Địa chỉ nguồn');
    expect(splitFrontmatter(text).data.source).toEqual({
      name: 'congdoan.example.vn',
      url: 'https://congdoan.example.vn/tin/1.html',
    });
  });
});

describe('bidi controls and hidden format characters are stripped and counted', () => {
  it.each([
    ['RLO … PDF (Trojan source)', 'Tin\u202e ngược\u202c chiều', 'Tin ngược chiều', 2],
    ['isolates', '\u2066Công\u2069 \u2067đoàn\u2068\u2069', 'Công đoàn', 5],
    ['marks', 'Công\u200e đoàn\u200f\u061c', 'Công đoàn', 3],
    ['embeddings', '\u202aA\u202b\u202dB', 'AB', 3],
    ['invisible operators, tag characters', 'x\u2062y \u{e0041}\u{e0042}z', 'xy z', 3],
    ['nothing to strip', 'Công đoàn', 'Công đoàn', 0],
  ])('%s', (_, input, output, count) => {
    expect(stripHiddenControls(input)).toEqual({ text: output, count });
    expect(repairText(input)).toBe(output);
  });

  it.each([
    ['a family emoji keeps its joiners', '👨\u200d👩\u200d👧', '👨\u200d👩\u200d👧'],
    ['Persian keeps its non-joiner', 'می\u200cخواهم', 'می\u200cخواهم'],
    ['Devanagari keeps its joiner', 'क्\u200dष', 'क्\u200dष'],
    ['a joiner inside a Vietnamese word goes', 'đo\u200dàn vi\u200cên', 'đoàn viên'],
    ['a joiner at an edge goes', '\u200dCông đoàn\u200c', 'Công đoàn'],
  ])('%s', (_, input, output) => {
    expect(repairText(input)).toBe(output);
  });

  it.each([
    [
      'text',
      'bai.txt',
      ARTICLE.replace('tổ chức hội nghị cán bộ năm', 'tổ chức\u202e hội nghị\u202c cán bộ\u200f năm'),
      3,
    ],
    [
      'HTML',
      'bai.html',
      '<html><head><title>Hội\u2066 nghị\u2069</title></head><body><article><h1>Hội nghị cán bộ\u202e công chức</h1><p>Ngày 05/01/2024, Công đoàn\u200f cơ sở tổ chức hội nghị cán bộ, công chức năm 2024 với sự tham dự của toàn thể đoàn viên.</p></article></body></html>',
      4,
    ],
  ])('%s input: none reaches the article, the report counts them', async (_, name, content, count) => {
    const { result, text } = await importOne(name, content);
    expect(result.ok, result.error).toBe(true);
    expect(text).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(result.notes!.join('\n')).toMatch(
      new RegExp(`Đã bỏ ${count} ký tự điều khiển ẩn .*\\(${count} bidi/invisible format control\\(s\\) removed\\)`),
    );
  });
});

describe('the size message states the real size and the limit', () => {
  it.each([
    [5_300_000, /tệp quá lớn \(5\.1 MB, 5300000 byte; giới hạn 2 MB = 2097152 byte/],
    [MAX_INPUT_BYTES + 1, /tệp quá lớn \(2 MB, 2097153 byte; giới hạn 2 MB = 2097152 byte/],
  ])('%i bytes', (size, message) => {
    expect(() => checkInputSize(size)).toThrow(message);
  });

  it('a limit of another size is named as it is', () => {
    expect(() => checkInputSize(700_000, 512 * 1024)).toThrow(/\(0\.7 MB, 700000 byte; giới hạn 0\.5 MB = 524288 byte/);
  });

  it('a file over the limit on disk: its own size in the report', async () => {
    const content = `Tiêu đề bài rất dài\n\n${'Công đoàn cơ sở tổ chức hội nghị. '.repeat(90_000)}`;
    const size = Buffer.byteLength(content);
    const { result } = await importOne('lon.txt', content);
    expect(result.ok).toBe(false);
    expect(result.error).toContain(
      `lon.txt: tệp quá lớn (${Number((size / 1024 / 1024).toFixed(1))} MB, ${size} byte; giới hạn 2 MB = 2097152 byte`,
    );
  });
});

describe('deeply nested HTML does not overflow the stack', () => {
  const N = 20_000;
  const lead =
    '<p>Ngày 05/01/2024, Công đoàn cơ sở tổ chức hội nghị cán bộ, công chức năm 2024 với toàn thể đoàn viên.</p>';
  const page = (inner: string) =>
    `<html><head><title>Hội nghị cán bộ công chức</title></head><body><article>${lead}${inner}</article></body></html>`;

  it.each([
    ['nested <div>', `${'<div>'.repeat(N)}Chữ ở tầng sâu nhất.${'</div>'.repeat(N)}`],
    ['unclosed <div>', `${'<div>'.repeat(N)}Chữ ở tầng sâu nhất.`],
    ['nested <span> in a paragraph', `<p>${'<span>'.repeat(N)}Chữ ở tầng sâu nhất.${'</span>'.repeat(N)}</p>`],
    ['nested <blockquote>', `${'<blockquote>'.repeat(N)}Chữ ở tầng sâu nhất.${'</blockquote>'.repeat(N)}`],
    ['nested lists', `${'<ul><li>'.repeat(N)}Chữ ở tầng sâu nhất.${'</li></ul>'.repeat(N)}`],
    ['nested tables', `${'<table><tr><td>'.repeat(N / 4)}Chữ ở tầng sâu nhất.${'</td></tr></table>'.repeat(N / 4)}`],
  ])(
    '%s',
    async (_, inner) => {
      const { result, text } = await importOne('sau.html', page(inner));
      expect(result.ok, result.error).toBe(true);
      expect(text).toContain('Chữ ở tầng sâu nhất.');
      expect(result.notes!.join('\n')).toMatch(new RegExp(`HTML lồng nhau quá sâu \\(hơn ${MAX_HTML_DEPTH} cấp\\)`));
    },
    30_000,
  );

  it.each([
    [
      'a normal page is left as it is',
      '<div><p>Một <b>đoạn</b> <img src=a.jpg><br>văn.<p>Đoạn hai<ul><li>một<li>hai</ul></div>',
      3,
      0,
    ],
    ['tags past the bound go, their text stays', '<div><div><div>x</div></div></div>', 1, 4],
    ['a script holding tags is not counted', `<div><script>${'<div>'.repeat(10)}</script><div>x</div></div>`, 2, 0],
    ['comments are not counted', `<div><!-- ${'<div>'.repeat(10)} --><div>x</div></div>`, 2, 0],
    ['an end tag closes the elements opened inside it', '<div><span></div><div>x</div>', 2, 0],
    [
      'paragraphs and items without end tags are siblings',
      `<div>${'<p>đoạn'.repeat(500)}<ul>${'<li>mục'.repeat(500)}</ul></div>`,
      3,
      0,
    ],
    ['table cells without end tags are siblings', `<table>${'<tr><td>a<td>b'.repeat(300)}</table>`, 4, 0],
  ])('boundHtmlDepth: %s', (_, html, max, dropped) => {
    const r = boundHtmlDepth(html, max);
    expect(r.dropped).toBe(dropped);
    expect(r.html).toBe(dropped ? '<div>x</div>' : html);
  });
});

describe('--dry-run says that nothing was written', () => {
  it('the summary line of the CLI', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bai.txt'), ARTICLE);
    const t = tempContent('units');
    const run = spawnSync(
      join(projectRoot, 'node_modules/.bin/node'),
      [
        join(projectRoot, 'scripts/import.ts'),
        '--dry-run',
        '--today',
        TODAY,
        '--out-dir',
        t.news,
        join(dir, 'bai.txt'),
      ],
      { encoding: 'utf8', cwd: projectRoot },
    );
    expect(run.status, run.stderr).toBe(0);
    const last = run.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(
      /^1\/1 tệp nhập được; chạy thật sẽ ghi 1 tệp\. Chạy thử \(--dry-run\): chưa ghi tệp nào, [\d.]+ s\.$/,
    );
    expect(last).not.toMatch(/\d+ tệp ghi/);
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { lintMarkdown, MAX_PARAGRAPH_WORDS, type LintRule, type UnitName } from '#src/editor/content-lint.ts';
import { ALT_PLACEHOLDER } from '#src/model/image-alt.ts';

const units: UnitName[] = [
  {
    id: 'cong-doan-vksnd-tinh-quang-ngai',
    names: ['Công đoàn cơ sở VKSND tỉnh Quảng Ngãi', 'Công đoàn VKSND tỉnh Quảng Ngãi'],
    href: '/don-vi/cong-doan-vksnd-tinh-quang-ngai/',
  },
  {
    id: 'vksnd-tinh-quang-ngai',
    names: ['Viện kiểm sát nhân dân tỉnh Quảng Ngãi', 'VKSND tỉnh Quảng Ngãi'],
    href: '/don-vi/vksnd-tinh-quang-ngai/',
  },
  {
    id: 'lien-doan-lao-dong-tinh-quang-ngai',
    names: ['Liên đoàn Lao động tỉnh Quảng Ngãi', 'LĐLĐ tỉnh Quảng Ngãi'],
    href: '/don-vi/lien-doan-lao-dong-tinh-quang-ngai/',
  },
];
const fm = '---\ntitle: Tin\n---\n';
const lint = (body: string, file = 'content/news/tin.md') => lintMarkdown(fm + body, { file, units });
const summary = (body: string, file?: string) => lint(body, file).map((w) => `${w.line}:${w.rule}`);
const long = Array.from({ length: MAX_PARAGRAPH_WORDS + 1 }, () => 'chữ').join(' ');

describe('lintMarkdown', () => {
  it.each<[string, string, string[]]>([
    ['clean text', 'Một đoạn văn ngắn.\n\n## Mục\n\n### Mục con\n', []],
    ['an empty link', 'Xem [](/tin-tuc/).\n', ['4:empty-link']],
    ['a link without target', 'Xem [trang]().\n', ['4:empty-link']],
    ['a link to "#"', 'Xem [trang](#).\n', ['4:empty-link']],
    ['an image without alt', '![](./anh.jpg)\n', ['4:image-alt']],
    ['an image with blank alt', '![  ](./anh.jpg)\n', ['4:image-alt']],
    ['an image with alt', '![Hội nghị](./anh.jpg)\n', []],
    [
      "an image with the importer's marker for a missing alt",
      `![${ALT_PLACEHOLDER}](./images/2024/a.jpg)\n`,
      ['4:image-alt-placeholder'],
    ],
    ['a heading jump', '## Mục\n\n#### Chi tiết\n', ['6:heading-jump']],
    ['a first heading at level 3', '### Mục\n', ['4:heading-jump']],
    ['an h1 in the body', '# Tiêu đề\n', ['4:heading-jump']],
    ['going back up is fine', '## A\n\n### B\n\n## C\n\n### D\n', []],
    ['a long paragraph', `${long}\n`, ['4:long-paragraph']],
    ['a paragraph of exactly the limit', `${long.replace(/ chữ$/, '')}\n`, []],
    ['an unlinked unit', 'Công đoàn VKSND tỉnh Quảng Ngãi được khen.\n', ['4:unlinked-unit']],
    ['an unlinked unit without tone marks', 'Cong doan VKSND tinh Quang Ngai duoc khen.\n', ['4:unlinked-unit']],
    ['a linked unit', '[Công đoàn VKSND tỉnh Quảng Ngãi](/don-vi/cong-doan-vksnd-tinh-quang-ngai/) được khen.\n', []],
    [
      'a unit linked once, mentioned again',
      '[LĐLĐ tỉnh Quảng Ngãi](/don-vi/lien-doan-lao-dong-tinh-quang-ngai/).\n\nLĐLĐ tỉnh Quảng Ngãi trao.\n',
      [],
    ],
    ['one warning per unit', 'LĐLĐ tỉnh Quảng Ngãi.\n\nLiên đoàn Lao động tỉnh Quảng Ngãi.\n', ['4:unlinked-unit']],
    ['the longest name wins', 'Công đoàn cơ sở VKSND tỉnh Quảng Ngãi nhận.\n', ['4:unlinked-unit']],
    [
      'two units in one line',
      'VKSND tỉnh Quảng Ngãi và LĐLĐ tỉnh Quảng Ngãi.\n',
      ['4:unlinked-unit', '4:unlinked-unit'],
    ],
    ['not inside a longer word', 'XLĐLĐ tỉnh Quảng Ngãii.\n', []],
    ['the line inside a multi-line paragraph', 'Dòng một\nvà LĐLĐ tỉnh Quảng Ngãi.\n', ['5:unlinked-unit']],
    ['non-NFC text', 'Công đoàn'.normalize('NFD') + '\n', ['4:non-nfc']],
  ])('%s', (_name, body, expected) => {
    expect(summary(body)).toEqual(expected);
  });

  it("warns of the importer's marker in the hero's alt, at its line", () => {
    const source = `---\ntitle: Tin\nhero:\n  image: "./images/2024/a.jpg"\n  alt: "${ALT_PLACEHOLDER}"\n---\nMột đoạn.\n`;
    const w = lintMarkdown(source, { file: 'content/news/tin.md' });
    expect(w.map((x) => `${x.line}:${x.rule}`)).toEqual(['5:image-alt-placeholder']);
    expect(w[0]!.message).toMatch(/hero\.alt.*dấu nhắc.*Hãy thay bằng mô tả/);
    // An editor's own description is no warning.
    expect(
      lintMarkdown(source.replace(ALT_PLACEHOLDER, 'Quang cảnh Hội nghị'), { file: 'content/news/tin.md' }),
    ).toEqual([]);
  });

  it('parses MDX files with their components', () => {
    expect(summary('<Khung>Nội dung</Khung>\n\n![](./a.jpg)\n', 'content/news/tin.mdx')).toEqual(['6:image-alt']);
  });

  it('does not ask a unit profile to link to itself', () => {
    const w = lintMarkdown(`${fm}VKSND tỉnh Quảng Ngãi.\n`, {
      file: 'content/units/vksnd-tinh-quang-ngai.md',
      units,
      selfUnitId: 'vksnd-tinh-quang-ngai',
    });
    expect(w).toEqual([]);
  });

  it.each<[LintRule, string, RegExp]>([
    ['empty-link', 'Xem [](/tin-tuc/).\n', /Liên kết tới "\/tin-tuc\/" không có chữ.*Hãy viết chữ trong ngoặc vuông/],
    ['image-alt', '![](./anh.jpg)\n', /Ảnh "\.\/anh\.jpg" thiếu lời mô tả \(alt\)\. Hãy viết mô tả/],
    ['heading-jump', '## A\n\n#### B\n', /Tiêu đề nhảy từ cấp 2 xuống cấp 4.*Hãy dùng "### …"/],
    ['long-paragraph', `${long}\n`, /Đoạn văn dài 151 chữ \(nên dưới 150\).*Hãy tách/],
    [
      'unlinked-unit',
      'Cong doan VKSND tinh Quang Ngai.\n',
      /Nhắc đến "Cong doan VKSND tinh Quang Ngai".*\[Cong doan VKSND tinh Quang Ngai\]\(\/don-vi\/cong-doan-vksnd-tinh-quang-ngai\/\)/,
    ],
  ])('%s says what to do, in Vietnamese, with the file', (rule, body, message) => {
    const [w] = lint(body);
    expect(w).toMatchObject({ file: 'content/news/tin.md', rule });
    expect(w!.message).toMatch(message);
  });
});

describe('npm run lint:content', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(projectRoot, 'scripts/lint-content.ts'), ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
  const tree = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-content-'));
    cpSync(join(projectRoot, 'tests/fixtures/bad-content', name), dir, { recursive: true });
    return dir;
  };

  it('warns with file and line, and exits 0 without --strict, 1 with it', () => {
    const dir = tree('missing-alt');
    const relaxed = run(dir);
    expect(relaxed.status).toBe(0);
    expect(relaxed.stdout).toMatch(
      /news\/bai-mau\.md:13 {2}Ảnh "\.\/images\/anh-hoi-nghi\.jpg" thiếu lời mô tả \(alt\)/,
    );
    expect(run(dir, '--strict').status).toBe(1);
    rmSync(dir, { recursive: true });
  });

  it('passes --strict on a clean tree', () => {
    const dir = tree('valid');
    const result = run(dir, '--strict');
    expect(result.stdout).toContain('3 tệp, 0 cảnh báo.');
    expect(result.status).toBe(0);
    rmSync(dir, { recursive: true });
  });

  it('--fix rewrites non-NFC files as NFC', () => {
    const dir = tree('non-nfc');
    const file = join(dir, 'news/bai-mau.md');
    expect(readFileSync(file, 'utf8')).not.toBe(readFileSync(file, 'utf8').normalize('NFC'));
    const result = run(dir, '--fix', '--strict');
    expect(result.stdout).toContain('đã chuyển sang dạng dựng sẵn (NFC)');
    expect(result.status).toBe(0);
    const fixed = readFileSync(file, 'utf8');
    expect(fixed).toBe(fixed.normalize('NFC'));
    expect(fixed).toContain('title: Công đoàn Văn phòng tỉnh Mẫu tổng kết năm 2022');
    rmSync(dir, { recursive: true });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContentTree, entryId, guardReport } from '#src/editor/content-guard.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const corpus = join(projectRoot, 'tests/fixtures/bad-content');
const now = new Date('2026-11-01T00:00:00+07:00');
const check = (name: string) => checkContentTree(join(corpus, name), { projectRoot, now });

describe('entryId (the id Astro gives a file)', () => {
  it.each([
    ['bai-mau.md', 'bai-mau'],
    ['bai-mau.mdx', 'bai-mau'],
    ['Bai-Mau.md', 'bai-mau'],
    ['2022-bang-khen.yaml', '2022-bang-khen'],
    ['nam 2022/bai.md', 'nam-2022/bai'],
    ['muc/index.md', 'muc'],
  ])('%s → %s', (file, id) => {
    expect(entryId(file)).toBe(id);
  });
});

describe('checkContentTree on the bad-content corpus (no build)', () => {
  it('passes the valid tree', () => {
    expect(check('valid')).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['missing-field', 'news/bai-mau.md', 'title'],
    ['wrong-type', 'awards/2022-bang-khen-mau.yaml', 'year'],
    ['malformed-date', 'news/bai-mau.md', 'publishedAt'],
    ['impossible-date', 'awards/2022-bang-khen-mau.yaml', 'decision.date'],
    ['unknown-field', 'news/bai-mau.md', 'tag'],
    ['unknown-reference', 'news/bai-mau.md', 'units[1]'],
    ['duplicate-id', 'news/bai-mau.mdx', '(tên tệp)'],
    ['duplicate-slug', 'news/Bai-Mau.md', '(tên tệp)'],
    ['unknown-form', 'awards/2022-bang-khen-mau.yaml', 'form'],
    ['missing-image', 'news/bai-mau.md', 'hero.image'],
    ['missing-alt', 'news/bai-mau.md', 'hero.alt'],
    ['missing-alt', 'news/bai-mau.md', 'nội dung (dòng 13)'],
    ['mdx-syntax', 'news/bai-mau.mdx', 'nội dung (dòng 14)'],
    ['yaml-syntax', 'awards/2022-bang-khen-mau.yaml', '(cú pháp YAML, dòng 2)'],
    ['frontmatter-syntax', 'news/bai-mau.md', '(cú pháp YAML, dòng 3)'],
    ['non-nfc', 'news/bai-mau.md', 'title (dòng 2)'],
    ['future-award', 'awards/2022-bang-khen-mau.yaml', 'year'],
    ['award-before-founding', 'awards/2022-bang-khen-mau.yaml', 'recipients[0].unit'],
    ['award-after-merger', 'awards/2022-bang-khen-mau.yaml', 'recipients[0].unit'],
    ['own-ancestor', 'units/cong-doan-co-so-mau.md', 'parent'],
    ['site-config-invalid', 'site.yaml', 'Địa chỉ trang (url)'],
    ['site-config-unknown-owner', 'site.yaml', 'Đơn vị chủ quản (owner)'],
    ['hostile-html', 'news/bai-mau.md', 'nội dung (dòng 16)'],
    ['hostile-html', 'news/bai-mau.md', 'nội dung (dòng 28)'],
    ['unsafe-url', 'news/bai-mau.md', 'source.url'],
    ['unsafe-url', 'units/cong-doan-co-so-mau.md', 'website'],
    ['yaml-types', 'news/bai-mau.md', 'title'],
    ['yaml-types', 'news/bai-mau.md', 'summary'],
    ['hidden-characters', 'news/bai-mau.md', 'title'],
    ['hidden-characters', 'news/bai-mau.md', 'nội dung (dòng 12)'],
    ['hidden-characters', 'units/cong-doan-co-so-mau.md', 'shortName'],
    ['broken-link', 'news/bai-mau.md', 'nội dung (dòng 16)'],
  ])('%s: %s → %s', (name, file, field) => {
    const problems = check(name);
    expect(problems.map((p) => `${p.file} → ${p.field}`)).toContain(
      `tests/fixtures/bad-content/${name}/${file} → ${field}`,
    );
    // Every message says what to do: an imperative ("Hãy…", "hãy…", "Chọn…", "Cần…") in Vietnamese.
    for (const p of problems) expect(p.message, p.message).toMatch(/[Hh]ãy |Chọn một trong|Cần |Chỉ dùng|chỉ nhận/);
  });

  it('allows the HTML of the allowlist and links of public pages to public pages', () => {
    const root = mkdtempSync(join(tmpdir(), 'guard-policy-'));
    try {
      mkdirSync(join(root, 'news'));
      const article = (id: string, extra: string, body: string) =>
        writeFileSync(
          join(root, 'news', `${id}.md`),
          `---\ntitle: "Bài ${id}"\nsummary: "Tóm tắt."\npublishedAt: 2023-01-10T09:00:00+07:00\n${extra}---\n\n${body}\n`,
        );
      article(
        'a',
        '',
        '<details><summary>Xem</summary>\n\nH<sub>2</sub>O, <abbr title="Công đoàn">CĐ</abbr><br>\n\n</details>\n\n[b](/tin-tuc/b/) [thư](mailto:cd@example.vn) [gọi](tel:+84255) [web](https://kiemsat.vn/) [chủ đề](/chu-de/thi-dua/)\n\nChú thích[^1].\n\n[^1]: Xem: báo Lao Động, số 12.\n\n```html\n<script>mã minh họa</script>\n```',
      );
      article('b', '', 'Bài b.');
      // A draft may link to anything: its links are checked when it is published.
      article('nhap', 'draft: true\n', '[chưa có](/tin-tuc/chua-co/)');
      expect(checkContentTree(root, { projectRoot: root, now })).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('words issues the schemas leave to zod in Vietnamese (it installs the error map itself)', () => {
    const root = mkdtempSync(join(tmpdir(), 'guard-'));
    try {
      mkdirSync(join(root, 'news'));
      writeFileSync(join(root, 'news/bai.md'), '---\ntitle: Tin\nsummary: Tóm tắt.\ndraft: có\n---\n\nNội dung.\n');
      const problems = checkContentTree(root, { projectRoot: root, now });
      expect(problems).toEqual([
        {
          file: 'news/bai.md',
          field: 'draft',
          message: expect.stringMatching(
            /^Bản nháp \("draft"\) chỉ nhận true \(có\).*\(invalid_type: expected boolean/,
          ),
        },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a content folder without any collection (a mistyped CONTENT_DIR)', () => {
    const problems = check('khong-co-thu-muc-nay');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'tests/fixtures/bad-content/khong-co-thu-muc-nay',
      field: '(thư mục nội dung)',
    });
    expect(problems[0]!.message).toContain('Hãy kiểm tra CONTENT_DIR');
  });

  it('reports one line per problem with file, field and message, after what it means for the build', () => {
    const text = guardReport(check('missing-alt'));
    expect(text).toMatch(
      /^Nội dung có 2 lỗi; bản dựng dừng lại, trang đang xuất bản không bị thay đổi \(content check failed\):\n/,
    );
    expect(
      text.split('\n').filter((l) => l.startsWith('  • tests/fixtures/bad-content/missing-alt/news/bai-mau.md → ')),
    ).toHaveLength(2);
  });
});

/**
 * A page saved from a browser with its _files folder (tests/fixtures/import/saved-page/), imported
 * whole: its pictures brought, reused, refused or not brought, each with its reason; a second run
 * changes nothing; a picture an editor replaced is never written over.
 *
 * The test site (tests/fixtures/test-site/news/) holds what the importer makes of
 * tong-ket-2023.html, so that the built site shows imported pictures (tests/browser/
 * imported-images.test.ts). The last test pins it: after a deliberate change of the importer,
 * rewrite it with
 *   UPDATE_TEST_SITE=1 npx vitest run --project unit tests/unit/importer/saved-page.test.ts
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContentTree } from '#src/editor/content-guard.ts';
import { lintMarkdown } from '#src/editor/content-lint.ts';
import { ALT_PLACEHOLDER } from '#src/model/image-alt.ts';
import { runImport, formatReport, type InputResult } from '#src/importer/run.ts';
import { projectRoot, testContentOverlay } from '../../../scripts/lib/paths.ts';
import { writeTestContent } from '../../support/global-setup.ts';
import { FIXTURES, newsIssues, splitFrontmatter, tempContent } from './support.ts';

const SAVED = join(FIXTURES, 'saved-page');
const PAGE = join(SAVED, 'tong-ket-2023.html');
const TODAY = '2026-11-23';
const ARTICLE = 'hoi-nghi-tong-ket-cong-tac-cong-doan-nam-2023';

/** Every file below a folder with its bytes, as "path → sha-less content" pairs for comparison. */
function tree(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((p) => [relative(dir, p), readFileSync(p).toString('base64')]);
}

describe('a saved page with its _files folder', () => {
  let root: string;
  let first: InputResult[];
  beforeAll(async () => {
    const t = tempContent('units');
    root = t.root;
    first = await runImport({ inputs: [SAVED], outDir: t.news, today: TODAY, cwd: root });
  });
  const result = (name: string) => first.find((r) => r.source.endsWith(name))!;

  it('reports each picture: brought, reused, refused or not brought, with the reason', () => {
    const r = result('tong-ket-2023.html');
    expect(r.ok).toBe(true);
    expect(
      r.images!.map((i) => [i.src.replace('./tong-ket-2023_files/', ''), i.outcome, i.reason ?? i.altFrom]),
    ).toEqual([
      ['anh-dai-dien.jpg', 'created', 'alt'],
      // The print version of another article (imported first, sorted by name) brought it already.
      ['trao-thuong.webp', 'reused', 'caption'],
      ['%E1%BA%A3nh%20t%E1%BA%ADp%20th%E1%BB%83.png', 'created', 'title'],
      ['bieu-do.svg', 'created', 'caption'],
      ['khong-mo-ta.gif', 'created', 'placeholder'],
      ['loi.jpg', 'refused', expect.stringMatching(/trang HTML/)],
      ['ma-doc.svg', 'refused', expect.stringMatching(/SVG có thẻ <script>/)],
      ['hong.jpg', 'refused', expect.stringMatching(/bị cắt cụt/)],
      ['spacer.gif', 'refused', expect.stringMatching(/quá nhỏ/)],
      [
        'https://cdvc-quangngai.example.org/uploads/news/2024_01/khong-luu.jpg',
        'not-brought',
        expect.stringMatching(/trang web cũ/),
      ],
      ['khong-co.jpg', 'not-brought', expect.stringMatching(/không có tệp/)],
    ]);
    const report = formatReport(first);
    expect(report).toContain('ảnh bị từ chối: ./tong-ket-2023_files/loi.jpg — không phải ảnh mà là một trang HTML');
    expect(report).toContain('Ảnh chưa nhập: ./tong-ket-2023_files/khong-co.jpg — không có tệp');
    expect(report).toMatch(
      /ảnh dùng lại \(đã có tệp cùng nội dung\): \.\/tong-ket-2023_files\/trao-thuong\.webp → \.\/images\/2024\/[0-9a-f]{12}\.webp/,
    );
  });

  it('writes a valid article: the hero with its alt and caption, figures in the body, the marker for a missing alt', () => {
    const path = join(root, 'news', `${ARTICLE}.md`);
    expect(newsIssues(path)).toEqual([]);
    const { data, body } = splitFrontmatter(readFileSync(path, 'utf8'));
    expect(data.hero).toEqual({
      image: expect.stringMatching(/^\.\/images\/2024\/[0-9a-f]{12}\.jpg$/),
      alt: 'Quang cảnh Hội nghị tổng kết công tác Công đoàn năm 2023',
      caption: 'Quang cảnh Hội nghị.',
    });
    expect(body).not.toContain((data.hero as { image: string }).image); // the hero is not repeated
    expect(body).toMatch(
      /<figure>\n\n!\[Đồng chí Chủ tịch[^\]]*\]\(\.\/images\/2024\/[0-9a-f]{12}\.webp\)\n\n<figcaption>Đồng chí Chủ tịch/,
    );
    expect(body).toContain(`![${ALT_PLACEHOLDER}](./images/2024/`);
    // The caption of a picture not brought stays as the italic line it was.
    expect(body).toContain('*Một số hình ảnh tại hội nghị.*');
    // Every image the article names is there, one file per content.
    const images = [...body.matchAll(/\]\((\.\/images\/[^)]+)\)/g)].map((m) => m[1]!);
    for (const i of images) expect(existsSync(join(root, 'news', i)), i).toBe(true);
    expect(readdirSync(join(root, 'news/images/2024')).sort()).toHaveLength(5);
  });

  it('a second run changes nothing: no file, no picture, no manifest line', async () => {
    const before = tree(root);
    const again = await runImport({ inputs: [SAVED], outDir: join(root, 'news'), today: TODAY, cwd: root });
    expect(new Set(again.flatMap((r) => r.files!.map((f) => f.outcome)))).toEqual(new Set(['unchanged']));
    const outcomes = again.flatMap((r) => r.images!.map((i) => i.outcome));
    expect(outcomes).not.toContain('created');
    expect(tree(root)).toEqual(before);
  });

  it('a picture an editor replaced is kept, also when the article is re-imported with --force', async () => {
    const { data } = splitFrontmatter(readFileSync(join(root, 'news', `${ARTICLE}.md`), 'utf8'));
    const hero = join(root, 'news', (data.hero as { image: string }).image);
    const edited = await sharp(hero).resize(600).jpeg().toBuffer();
    writeFileSync(hero, edited);
    const [r] = await runImport({ inputs: [PAGE], outDir: join(root, 'news'), today: TODAY, cwd: root, force: true });
    expect(r!.images!.find((i) => i.hero)!.outcome).toBe('kept-edited');
    expect(readFileSync(hero).equals(edited)).toBe(true);
  });

  it('a page saved without its _files folder: every picture reported as not brought, captions kept as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-nofiles-'));
    cpSync(PAGE, join(dir, 'tong-ket-2023.html'));
    const t = tempContent('units');
    const [r] = await runImport({
      inputs: [join(dir, 'tong-ket-2023.html')],
      outDir: t.news,
      today: TODAY,
      cwd: t.root,
    });
    expect(new Set(r!.images!.map((i) => i.outcome))).toEqual(new Set(['not-brought']));
    expect(r!.images!).toHaveLength(11);
    expect(existsSync(join(t.news, 'images'))).toBe(false);
    expect(r!.body).toContain('*Quang cảnh Hội nghị.*');
    expect(r!.body).toContain('*Đồng chí Chủ tịch Công đoàn Viên chức tỉnh trao Giấy khen cho các tập thể.*');
    rmSync(dir, { recursive: true });
  });
});

describe('the imported article of the test site', () => {
  it('passes the content guard (the build runs, marker alt included); the content lint flags the marker', () => {
    const dir = writeTestContent(mkdtempSync(join(tmpdir(), 'import-guard-')));
    expect(checkContentTree(dir, { projectRoot, now: new Date('2026-11-01T00:00:00+07:00') })).toEqual([]);
    const file = join(dir, 'news', `${ARTICLE}.md`);
    const warnings = lintMarkdown(readFileSync(file, 'utf8'), { file: 'content/news/x.md' });
    expect(warnings.filter((w) => w.rule === 'image-alt-placeholder')).toHaveLength(1);
    expect(warnings.filter((w) => w.rule === 'image-alt')).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('is what the importer makes of the saved page, pictures included', async () => {
    const t = tempContent('units');
    const [r] = await runImport({
      inputs: [PAGE],
      outDir: t.news,
      unitsDir: join(projectRoot, 'content/units'),
      today: TODAY,
      cwd: t.root,
    });
    expect(r!.ok).toBe(true);
    const made = tree(t.news);
    const overlay = join(testContentOverlay, 'news');
    if (process.env.UPDATE_TEST_SITE === '1') {
      rmSync(join(overlay, 'images'), { recursive: true, force: true });
      cpSync(t.news, overlay, { recursive: true });
    }
    const pinned = tree(overlay).filter(([p]) => p === `${ARTICLE}.md` || p.startsWith('images/'));
    expect(made.map(([p]) => p)).toEqual(pinned.map(([p]) => p));
    expect(readFileSync(join(t.news, `${ARTICLE}.md`), 'utf8')).toBe(
      readFileSync(join(overlay, `${ARTICLE}.md`), 'utf8'),
    );
    expect(made).toEqual(pinned);
  });
});

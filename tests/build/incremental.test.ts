/**
 * Incremental builds publish exactly what a cold build publishes (issue 12): the cache keys of
 * src/site/cache-keys.ts must cover everything a page shows from other entries. On a copy of the
 * bundled content, built once cold, each kind of edit (an article's title and text, a unit's
 * name, an award's title, an article's tags, the site configuration) is followed by an incremental build with the caches
 * of the previous build and by a cold build (`--force`, its own root) of the same tree; every
 * published file must be the same (scripts/lib/compare-builds.ts: pages, lists, feeds, sitemap,
 * share images, search fragments). The incremental build must also really have reused pages and
 * rendered the edited ones again.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSites } from '../../scripts/lib/compare-builds.ts';
import { isolatedBuild } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const work = join(projectRoot, '.build-tmp', 'incremental-test');
const content = join(work, 'content');
const incremental = { workDir: join(work, 'incremental'), outDir: join(work, 'site-incremental') };
const cold = { workDir: join(work, 'cold'), outDir: join(work, 'site-cold') };
const env = { SHARE_IMAGE_CACHE: join(work, 'share-images'), INCREMENTAL_BUILD: '1' };

/** A textual edit of one content file; fails loudly when the text to replace is not there. */
function edit(file: string, from: string, to: string): void {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
}

/** Pages Astro rendered ("(+12ms)") and copied from the cache ("(cached)"/"(restored)"). */
function renderLog(output: string): { reused: string[]; rendered: string[] } {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const reused: string[] = [];
  const rendered: string[] = [];
  for (const line of lines) {
    const m = /[├└]─ (\S+)\s+(\(restored\)|\(cached\)|\(\+[\d.]+m?s\))/.exec(line);
    if (m) (m[2]!.startsWith('(+') ? rendered : reused).push(m[1]!.replace(/^\//, ''));
  }
  return { reused, rendered };
}

async function build(target: typeof cold, args: string[] = []) {
  const result = await isolatedBuild({ contentDir: content, env, args, ...target });
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.output.slice(-4000)}`);
  return renderLog(result.output);
}

const EDITS = [
  {
    kind: 'an article (title and text)',
    apply: () =>
      edit(
        'news/cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024.md',
        'title: Công đoàn VKSND tối cao sơ kết giữa nhiệm kỳ 2019–2024',
        'title: Công đoàn VKSND tối cao sơ kết giữa nhiệm kỳ 2019–2024 tại Hà Nội',
      ),
    rerendered: 'tin-tuc/cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024/index.html',
  },
  {
    kind: 'a unit (its name)',
    apply: () =>
      edit(
        'units/cong-doan-vien-chuc-tinh-quang-ngai.md',
        'name: Công đoàn Viên chức tỉnh Quảng Ngãi',
        'name: Công đoàn Viên chức tỉnh Quảng Ngãi (khối sự nghiệp)',
      ),
    rerendered: 'don-vi/cong-doan-vien-chuc-tinh-quang-ngai/index.html',
  },
  {
    kind: 'an award (its title)',
    apply: () =>
      edit(
        'awards/2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai.yaml',
        'title: Hoàn thành xuất sắc nhiệm vụ',
        'title: Hoàn thành xuất sắc nhiệm vụ công tác',
      ),
    rerendered: 'khen-thuong/2022-bang-khen-ldld-quang-ngai-cdcs-vksnd-quang-ngai/index.html',
  },
  {
    kind: 'a tag of an article',
    apply: () =>
      edit('news/cong-doan-vksnd-toi-cao-so-ket-giua-nhiem-ky-2019-2024.md', '  - hội nghị\n', '  - hội nghị sơ kết\n'),
    rerendered: 'chu-de/hoi-nghi-so-ket/index.html',
  },
  {
    // Every page's header and footer show the site's name and, with an owner, the owner unit.
    kind: 'the site configuration (its name, and an owner unit)',
    apply: () =>
      edit('site.yaml', 'name: Tin Công đoàn\n', 'name: Tin Công đoàn VKSND\nowner: cong-doan-vksnd-tinh-quang-ngai\n'),
    rerendered: 'tin-tuc/cong-doan-vien-chuc-tinh-voi-cong-tac-cham-lo-va-bao-ve-quyen-loi-ich-hop-phap/index.html',
    /** A site-wide input: every page is rendered again, none reused. */
    everyPage: true,
  },
];

describe('incremental build equals a cold build', () => {
  let first: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    rmSync(work, { recursive: true, force: true });
    cpSync(join(projectRoot, 'content'), content, { recursive: true });
    first = await build(incremental);
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('the first build renders every page', () => {
    expect(first.rendered.length).toBeGreaterThan(30);
    expect(first.reused).toEqual([]);
  });

  for (const step of EDITS) {
    it(`after editing ${step.kind}, every published file is the same as in a cold build`, async () => {
      step.apply();
      const log = await build(incremental);
      await build(cold, ['--force']);
      expect(compareSites(incremental.outDir, cold.outDir).differences).toEqual([]);
      // Really incremental: most pages copied, the edited entry's page rendered again (every
      // page after an edit of what every page shows).
      if ('everyPage' in step) expect(log.reused).toEqual([]);
      else expect(log.reused.length).toBeGreaterThan(log.rendered.length);
      expect(log.rendered).toContain(step.rerendered);
    }, 400_000);
  }
});

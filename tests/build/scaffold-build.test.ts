/**
 * A scaffolded file of each kind builds as it is: the bundled content is copied to a temp
 * folder, `npm run new` (scripts/new.ts) adds a news article, two awards (with --unit, and with
 * a named recipient) and a unit, and the production build runs on that tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedBuild, type IsolatedBuildResult } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const SITE_NOW = '2026-11-01T00:00:00+07:00';
const work = mkdtempSync(join(tmpdir(), 'scaffold-build-'));
const contentDir = join(work, 'content');
// An own Astro root and caches (scripts/lib/isolated-build.ts): builds of other content trees
// running at the same time in this checkout must not see this tree, nor this build theirs.
const buildDir = join(projectRoot, '.build-tmp/scaffold-build');
const outDir = join(buildDir, 'dist');
const created: Record<string, string> = {};
let build: IsolatedBuildResult;

function scaffold(name: string, ...args: string[]): void {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/new.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, CONTENT_DIR: contentDir, SITE_NOW },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run new -- ${args.join(' ')} failed:\n${result.stderr}`);
  created[name] = resolve(projectRoot, result.stdout.trim());
}

beforeAll(async () => {
  cpSync(join(projectRoot, 'content'), contentDir, { recursive: true });
  scaffold('news', 'news', 'Hội nghị Ban Chấp hành Công đoàn lần thứ 5, khóa XII');
  scaffold(
    'award',
    'award',
    'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2026',
    '--unit',
    'cong-doan-vksnd-tinh-quang-ngai',
  );
  scaffold('awardNamed', 'award', 'Giấy khen đoàn viên tiêu biểu', '--form', 'giay-khen');
  scaffold('unit', 'unit', 'Công đoàn cơ sở Trường THPT Lê Lợi', '--parent', 'cong-doan-vien-chuc-tinh-quang-ngai');
  build = await isolatedBuild({ workDir: buildDir, contentDir, outDir, env: { SITE_NOW } });
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(buildDir, { recursive: true, force: true });
});

describe('scaffolded files build as they are', () => {
  it('creates each file in its folder with a Vietnamese slug', () => {
    expect(created.news).toBe(join(contentDir, 'news/hoi-nghi-ban-chap-hanh-cong-doan-lan-thu-5-khoa-xii.md'));
    expect(created.award).toBe(join(contentDir, 'awards/2026-bang-khen-hoan-thanh-xuat-sac-nhiem-vu-nam-2026.yaml'));
    expect(created.awardNamed).toBe(join(contentDir, 'awards/2026-giay-khen-doan-vien-tieu-bieu.yaml'));
    expect(created.unit).toBe(join(contentDir, 'units/cong-doan-co-so-truong-thpt-le-loi.md'));
    expect(readFileSync(created.news!, 'utf8')).toMatch(/^publishedAt: "2026-11-01T00:00:00\+07:00"$/m);
  });

  it('the production build succeeds with them', () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
  });

  it('publishes the new unit, and keeps the draft article out of the public site', () => {
    expect(existsSync(join(outDir, 'don-vi/cong-doan-co-so-truong-thpt-le-loi/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'tin-tuc/hoi-nghi-ban-chap-hanh-cong-doan-lan-thu-5-khoa-xii/index.html'))).toBe(
      false,
    );
  });
});

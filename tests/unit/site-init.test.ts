/**
 * `npm run site:init` (scripts/lib/site-init.ts) on a temporary copy of content/: it writes a
 * valid site configuration, picks or creates the owner unit's profile, removes the sample
 * content while keeping the national bodies, and refuses every mistake in Vietnamese before
 * writing anything.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkContentTree } from '#src/editor/content-guard.ts';
import { loadSiteConfig } from '#src/model/site-config.ts';
import { answersToArgs, initSite, parseSiteInitArgs, SiteInitError } from '../../scripts/lib/site-init.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const NOW = new Date('2026-06-01T00:00:00+07:00');
const temp = mkdtempSync(join(tmpdir(), 'site-init-'));
const content = join(temp, 'content');
afterAll(() => rmSync(temp, { recursive: true, force: true }));
beforeEach(() => {
  rmSync(content, { recursive: true, force: true });
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
});

const run = (argv: string[]) =>
  initSite(parseSiteInitArgs(argv), {
    contentRoot: content,
    projectRoot: temp,
    now: NOW,
    publicDir: join(projectRoot, 'public'),
  });
const guard = () => checkContentTree(content, { projectRoot: temp, now: NOW, env: {} });
const files = (folder: string) => readdirSync(join(content, folder)).sort();

describe('site:init flags', () => {
  it.each([
    [['--nam', 'x'], /Không có tùy chọn "--nam"\. Các tùy chọn: --name/],
    [['Tin'], /Không nhận đối số "Tin"/],
    [['--name'], /Tùy chọn --name cần một giá trị \(vd\. --name "Công đoàn VKSND tỉnh Quảng Ngãi"\)/],
    [['--name', '--url'], /Tùy chọn --name cần một giá trị/],
    [['--name', 'A', '--name', 'B'], /Tùy chọn --name được cho hai lần/],
    [['--portal=1'], /Tùy chọn --portal không nhận giá trị/],
    [['--owner', 'a', '--portal'], /Chỉ chọn một trong --owner, --portal/],
    [['--owner-level', 'cong-doan-co-so'], /chỉ dùng cùng --owner-name/],
    [['--backend', 'svn'], /--backend "svn" không có\. Chọn một trong: github \(GitHub\)/],
    [['--owner-name', 'X', '--owner-level', 'xa'], /--owner-level "xa" không có\. Chọn một trong: tong-lien-doan/],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseSiteInitArgs(argv)).toThrow(SiteInitError);
    expect(() => parseSiteInitArgs(argv)).toThrow(message);
  });

  it('answers at a terminal become the same flags', () => {
    const args = answersToArgs(
      { name: 'Trang A', owner: 'tong-lien-doan-lao-dong-viet-nam', backend: 'local', 'remove-samples': 'c' },
      ['tong-lien-doan-lao-dong-viet-nam'],
    );
    expect(args.values).toEqual({ name: 'Trang A', owner: 'tong-lien-doan-lao-dong-viet-nam', backend: 'local' });
    expect([...args.switches]).toEqual(['remove-samples']);
    expect(answersToArgs({ owner: 'Công đoàn mới' }, []).values['owner-name']).toBe('Công đoàn mới');
    expect([...answersToArgs({ owner: '-', 'remove-samples': 'k' }, []).switches]).toEqual(['portal']);
  });
});

describe('site:init on a copy of content/', () => {
  it('creates the owner’s profile, removes the samples, keeps the national bodies: a valid tree', () => {
    const { report, config } = run([
      '--name',
      'Công đoàn cơ sở VKSND tỉnh Lào Cai',
      '--tagline',
      'Tin tức và hoạt động công đoàn',
      '--description',
      'Trang tin của Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Lào Cai.',
      '--url',
      'https://vks.laocai.example.gov.vn',
      '--base',
      '/congdoan/',
      '--owner-name',
      'Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Lào Cai',
      '--owner-parent',
      'lien-doan-lao-dong-tinh-lang-son',
      '--backend',
      'gitlab',
      '--repo',
      'cd-vks/tin',
      '--remove-samples',
    ]);
    const owner = 'cong-doan-co-so-vien-kiem-sat-nhan-dan-tinh-lao-cai';
    expect(config).toMatchObject({
      name: 'Công đoàn cơ sở VKSND tỉnh Lào Cai',
      base: '/congdoan/',
      owner,
      editor: { backend: 'gitlab', repo: 'cd-vks/tin', branch: 'main' },
    });
    // What was written is what the build reads, and the whole tree passes the content guard.
    expect(loadSiteConfig(content, {})).toEqual(config);
    expect(guard()).toEqual([]);
    expect(report.some((l) => l.startsWith('Cần sửa'))).toBe(false);
    expect(readFileSync(join(content, 'units', `${owner}.md`), 'utf8')).toMatch(
      /parent: "?lien-doan-lao-dong-tinh-lang-son"?/,
    );
    expect(files('news')).toEqual([]);
    expect(files('awards')).toEqual([]);
    const units = files('units');
    expect(units).toContain('tong-lien-doan-lao-dong-viet-nam.md');
    expect(units).toContain('cong-doan-vien-chuc-viet-nam.md');
    expect(units).toContain('lien-doan-lao-dong-tinh-quang-ngai.md');
    expect(units).not.toContain('cong-doan-vksnd-tinh-quang-ngai.md');
    expect(units).not.toContain('vksnd-toi-cao.md');
  });

  it('keeps a sample owner and its chain of parents when removing the samples', () => {
    run(['--owner', 'to-cong-doan-thanh-tra-va-khieu-to', '--remove-samples']);
    expect(guard()).toEqual([]);
    expect(files('units')).toEqual(
      expect.arrayContaining([
        'to-cong-doan-thanh-tra-va-khieu-to.md',
        'cong-doan-vksnd-thanh-pho-hai-phong.md',
        'cong-doan-vien-chuc-thanh-pho-hai-phong.md',
        'lien-doan-lao-dong-thanh-pho-hai-phong.md',
      ]),
    );
  });

  it('changes only what a flag names; --portal removes the owner', () => {
    const before = loadSiteConfig(content, {});
    run(['--owner', 'cong-doan-vksnd-tinh-quang-ngai']);
    expect(loadSiteConfig(content, {})).toEqual({ ...before, owner: 'cong-doan-vksnd-tinh-quang-ngai' });
    expect(files('news').length).toBeGreaterThan(0);
    run(['--portal', '--name', 'Cổng thông tin Công đoàn']);
    const after = loadSiteConfig(content, {});
    expect(after.owner).toBeUndefined();
    expect(after.name).toBe('Cổng thông tin Công đoàn');
  });

  it.each([
    [
      ['--owner', 'cong-doan-vksnd'],
      /--owner "cong-doan-vksnd": không có hồ sơ đơn vị.*Có phải: cong-doan-vksnd-thanh-pho-hai-phong/,
    ],
    [
      ['--url', 'vks.example.vn'],
      /Cấu hình chưa hợp lệ, chưa ghi gì:\n {2}• Địa chỉ trang \(url\): Cần một địa chỉ web đầy đủ/,
    ],
    [['--backend', 'github', '--repo', 'khong-co-gach'], /Trình biên tập › Kho mã nguồn \(editor\.repo\)/],
    [['--owner-name', 'X', '--owner-parent', 'khong-co'], /khong-co/],
  ])('%j is refused and nothing is written', (argv, message) => {
    const before = readFileSync(join(content, 'site.yaml'), 'utf8');
    const units = files('units');
    expect(() => run(argv)).toThrow(message);
    expect(readFileSync(join(content, 'site.yaml'), 'utf8')).toBe(before);
    expect(files('units')).toEqual(units);
  });

  it('runs as a command: a mistake exits with status 2 and the usage, in Vietnamese', () => {
    const r = spawnSync(
      join(projectRoot, 'node_modules/.bin/node'),
      [join(projectRoot, 'scripts/site-init.ts'), '--content', content, '--url', 'khong-phai-dia-chi'],
      { encoding: 'utf8', cwd: projectRoot },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/✗ Cấu hình chưa hợp lệ, chưa ghi gì/);
    expect(r.stderr).toMatch(/Cách dùng:/);
    const ok = spawnSync(
      join(projectRoot, 'node_modules/.bin/node'),
      [join(projectRoot, 'scripts/site-init.ts'), '--content', content, '--portal'],
      { encoding: 'utf8', cwd: projectRoot, env: { ...process.env, SITE_NOW: NOW.toISOString() } },
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Đã ghi cấu hình trang/);
    expect(existsSync(join(content, 'site.yaml'))).toBe(true);
  }, 60_000);
});

/**
 * The site configuration (content/site.yaml, src/model/site-config.ts): one schema for the
 * build, the pages, the CMS and the content guard; SITE_URL and SITE_BASE override the address
 * and the base path; every mistake names the field in Vietnamese.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentTree } from '#src/editor/content-guard.ts';
import {
  DEFAULT_SITE,
  loadSiteConfig,
  readSiteConfig,
  siteConfigFromData,
  SITE_CONFIG_FILE,
} from '#src/model/site-config.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const valid = {
  name: 'Công đoàn VKSND tỉnh Quảng Ngãi',
  tagline: 'Tin tức và hoạt động công đoàn',
  description: 'Trang tin của Công đoàn cơ sở VKSND tỉnh Quảng Ngãi.',
  url: 'https://example.gov.vn',
  owner: 'cong-doan-vksnd-tinh-quang-ngai',
  editor: { backend: 'github', repo: 'cd-vks/tin' },
};

const temp = mkdtempSync(join(tmpdir(), 'site-config-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A content tree with one unit and the given site.yaml text. */
function tree(name: string, yaml: string | undefined): string {
  const root = join(temp, name);
  mkdirSync(join(root, 'units'), { recursive: true });
  writeFileSync(
    join(root, 'units', 'cong-doan-vksnd-tinh-quang-ngai.md'),
    '---\nname: Công đoàn cơ sở VKSND tỉnh Quảng Ngãi\nlevel: cong-doan-co-so\n---\n',
  );
  if (yaml !== undefined) writeFileSync(join(root, SITE_CONFIG_FILE), yaml);
  return root;
}

describe('siteConfigFromData', () => {
  it('reads a valid configuration, with defaults for what is left out', () => {
    const { config, problems } = siteConfigFromData(valid, {});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      name: valid.name,
      url: 'https://example.gov.vn',
      base: '/',
      owner: 'cong-doan-vksnd-tinh-quang-ngai',
      social: [],
      editor: { backend: 'github', repo: 'cd-vks/tin', branch: 'main' },
    });
  });

  it.each([
    [{ url: 'https://example.gov.vn/congdoan' }, {}, 'https://example.gov.vn/congdoan', '/congdoan/'],
    [{ base: 'congdoan' }, {}, 'https://example.gov.vn', '/congdoan/'],
    [{ base: '/congdoan' }, {}, 'https://example.gov.vn', '/congdoan/'],
    [{ base: '/' }, { SITE_URL: 'https://ci.example.vn/' }, 'https://ci.example.vn', '/'],
    [{}, { SITE_URL: 'https://ci.example.vn/lao-cai' }, 'https://ci.example.vn/lao-cai', '/lao-cai/'],
    [{ base: '/congdoan/' }, { SITE_BASE: '/khac/' }, 'https://example.gov.vn', '/khac/'],
    // GitHub Pages gives "" for a custom domain, "/repo" for <owner>.github.io/repo.
    [{ base: '/congdoan/' }, { SITE_BASE: '' }, 'https://example.gov.vn', '/'],
    [{}, { SITE_BASE: '/tin-cong-doan' }, 'https://example.gov.vn', '/tin-cong-doan/'],
  ])('address and base path: file %o, environment %o', (file, env, url, base) => {
    const { config, problems } = siteConfigFromData({ ...valid, ...file }, env);
    expect(problems).toEqual([]);
    expect([config.url, config.base]).toEqual([url, base]);
  });

  it.each([
    [
      { url: 'example.gov.vn' },
      /^Địa chỉ trang \(url\)$/,
      /Cần một địa chỉ web đầy đủ, ví dụ: https:\/\/congdoan\.example\.vn/,
    ],
    [{ name: undefined }, /^Tên trang \(name\)$/, /thiếu trường bắt buộc Tên trang \(name\)/],
    [{ base: '/công đoàn/' }, /^Đường dẫn gốc \(base\)$/, /Đường dẫn gốc = "\/công đoàn\/" không hợp lệ/],
    [
      { editor: { backend: 'bitbucket' } },
      /^Trình biên tập › Nơi lưu nội dung \(editor\.backend\)$/,
      /"bitbucket" không có trong danh mục.*github \(GitHub\)/,
    ],
    [
      { editor: { backend: 'gitlab' } },
      /^Trình biên tập › Kho mã nguồn \(editor\.repo\)$/,
      /Thiếu Kho mã nguồn \(editor\.repo\)/,
    ],
    [
      { editor: { backend: 'github', repo: 'tin' } },
      /^Trình biên tập › Kho mã nguồn \(editor\.repo\)$/,
      /dạng "tổ-chức\/tên-kho"/,
    ],
    [{ contact: { email: 'khong-phai-email' } }, /^Liên hệ › Email \(contact\.email\)$/, /Email không hợp lệ/],
    [
      { social: [{ network: 'facebook', url: 'facebook' }] },
      /^Mạng xã hội › Địa chỉ \(social\[0\]\.url\)$/,
      /địa chỉ web đầy đủ/,
    ],
    [
      { logo: { image: 'logo.png', alt: 'Biểu trưng' } },
      /^Biểu trưng \(logo\) › Tệp ảnh \(logo\.image\)$/,
      /phải bắt đầu bằng "\/"/,
    ],
    [{ title: 'Tin' }, /^title$/, /Trường không có trong mẫu: "title"/],
  ])('a mistake names the field in Vietnamese: %o', (change, field, message) => {
    const { problems, config } = siteConfigFromData({ ...valid, ...change }, {});
    expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
    expect(problems[0]!.field).toMatch(field);
    expect(problems[0]!.message).toMatch(message);
    // The build's defaults stand in until the guard stops the build.
    expect(config.name).toBe(DEFAULT_SITE.name);
  });

  it('takes the repository and branch CI builds from CMS_REPO and CMS_BRANCH', () => {
    const { config } = siteConfigFromData(valid, { CMS_REPO: 'ban-sao/tin', CMS_BRANCH: 'xuat-ban' });
    expect(config.editor).toEqual({ backend: 'github', repo: 'ban-sao/tin', branch: 'xuat-ban' });
    const local = siteConfigFromData({ ...valid, editor: { backend: 'local' } }, { CMS_REPO: 'ban-sao/tin' });
    expect(local.config.editor).toMatchObject({ backend: 'github', repo: 'ban-sao/tin' });
    const gitea = siteConfigFromData({ ...valid, editor: { backend: 'gitea', repo: 'a/b' } }, { CMS_REPO: 'c/d' });
    expect(gitea.config.editor).toMatchObject({ backend: 'gitea', repo: 'c/d' });
    expect(siteConfigFromData(valid, { CMS_REPO: 'tin' }).problems[0]!.field).toBe('CMS_REPO (biến môi trường)');
  });

  it('refuses SITE_URL and SITE_BASE that are not an address and a path', () => {
    const { problems } = siteConfigFromData(valid, { SITE_URL: 'example.vn', SITE_BASE: '/a b/' });
    expect(problems.map((p) => p.field)).toEqual(['SITE_URL (biến môi trường)', 'SITE_BASE (biến môi trường)']);
  });
});

describe('readSiteConfig and loadSiteConfig', () => {
  it('reads the project’s own content/site.yaml without a problem', () => {
    const read = readSiteConfig(join(projectRoot, 'content'), {});
    expect(read.exists).toBe(true);
    expect(read.problems).toEqual([]);
  });

  it('gives a tree without the file the national portal (no owner)', () => {
    const read = readSiteConfig(tree('none', undefined), {});
    expect(read.exists).toBe(false);
    expect(read.config).toEqual(DEFAULT_SITE);
    expect(read.config.owner).toBeUndefined();
  });

  it('reports a YAML syntax error with its line', () => {
    const read = readSiteConfig(tree('syntax', 'name: "Tin\ntagline: x\n'), {});
    expect(read.problems[0]!.field).toMatch(/^\(cú pháp YAML, dòng \d+\)$/);
    expect(() => loadSiteConfig(tree('syntax2', 'name: "Tin\n'), {})).toThrow(/site\.yaml có lỗi/);
  });
});

describe('the content guard checks content/site.yaml', () => {
  const guard = (root: string) =>
    checkContentTree(root, {
      projectRoot: temp,
      now: new Date('2026-06-01T00:00:00+07:00'),
      publicDir: join(temp, 'public'),
      env: {},
    });

  it('passes a valid file', () => {
    expect(guard(tree('ok', JSON.stringify(valid)))).toEqual([]);
  });

  it('names the file and the field of a schema mistake', () => {
    const problems = guard(tree('bad-url', JSON.stringify({ ...valid, url: 'example.gov.vn' })));
    expect(problems).toEqual([
      {
        file: 'bad-url/site.yaml',
        field: 'Địa chỉ trang (url)',
        message: expect.stringMatching(/Cần một địa chỉ web đầy đủ/),
      },
    ]);
  });

  it('refuses an owner that is not a unit, and images missing from public/', () => {
    const problems = guard(
      tree(
        'refs',
        JSON.stringify({
          ...valid,
          owner: 'cong-doan-khong-co',
          logo: { image: '/images/site/logo.svg', alt: 'Biểu trưng' },
        }),
      ),
    );
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['refs/site.yaml', 'Đơn vị chủ quản (owner)'],
      ['refs/site.yaml', 'Biểu trưng (logo) › Tệp ảnh (logo.image)'],
    ]);
    expect(problems[0]!.message).toMatch(/không tìm thấy "cong-doan-khong-co" trong content\/units\//);
    expect(problems[1]!.message).toMatch(/public\/images\/site\/logo\.svg/);
  });
});

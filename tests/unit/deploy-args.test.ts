/**
 * `npm run deploy:nginx` (scripts/lib/deploy-args.ts): strict flags, defaults from the site URL,
 * and a message in Vietnamese for every mistake, with the usage after it; and the script itself
 * run once as an operator would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nginxCommand, NGINX_USAGE, parseNginxArgs } from '../../scripts/lib/deploy-args.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { nginxLocationsFile, nginxServerConfig } from '#src/publishing/deploy/nginx.ts';

const ROOT = ['--root', '/var/www/congdoan'];

describe('flags it understands', () => {
  it.each<[string, string[], ReturnType<typeof parseNginxArgs>]>([
    [
      'only the root',
      ROOT,
      { help: false, command: { locationsOnly: false, options: { root: '/var/www/congdoan', base: '/' } } },
    ],
    [
      'every flag',
      [...ROOT, '--base', '/congdoan/', '--server-name', 'example.gov.vn', '--listen', '8080'],
      {
        help: false,
        command: {
          locationsOnly: false,
          options: { root: '/var/www/congdoan', base: '/congdoan/', serverName: 'example.gov.vn', listen: '8080' },
        },
      },
    ],
    [
      'flag=value',
      ['--root=/srv/site', '--base=/congdoan'],
      { help: false, command: { locationsOnly: false, options: { root: '/srv/site', base: '/congdoan/' } } },
    ],
    [
      'the site URL, for the base path and the server name',
      [...ROOT, '--site-url', 'https://example.gov.vn/congdoan/'],
      {
        help: false,
        command: {
          locationsOnly: false,
          options: { root: '/var/www/congdoan', base: '/congdoan/', serverName: 'example.gov.vn' },
        },
      },
    ],
    [
      'the site URL with a server name of its own',
      [...ROOT, '--site-url', 'https://example.gov.vn/congdoan', '--server-name', 'www.example.gov.vn'],
      {
        help: false,
        command: {
          locationsOnly: false,
          options: { root: '/var/www/congdoan', base: '/congdoan/', serverName: 'www.example.gov.vn' },
        },
      },
    ],
    [
      'locations only, into a file',
      [...ROOT, '--locations-only', '--out', 'congdoan.conf'],
      {
        help: false,
        command: { locationsOnly: true, out: 'congdoan.conf', options: { root: '/var/www/congdoan', base: '/' } },
      },
    ],
    ['help', ['--help'], { help: true }],
    ['help, short', ['-h'], { help: true }],
  ])('%s', (_name, argv, expected) => {
    expect(parseNginxArgs(argv)).toEqual(expected);
  });

  it('takes the site’s own URL and base path as defaults, flags first', () => {
    const defaults = { siteUrl: 'https://kiemsat.example.gov.vn/congdoan/' };
    expect(parseNginxArgs(ROOT, defaults)).toMatchObject({
      command: { options: { base: '/congdoan/', serverName: 'kiemsat.example.gov.vn' } },
    });
    expect(parseNginxArgs(ROOT, { base: '/cd/' })).toMatchObject({ command: { options: { base: '/cd/' } } });
    expect(parseNginxArgs([...ROOT, '--site-url', 'https://a.vn/'], defaults)).toMatchObject({
      command: { options: { base: '/', serverName: 'a.vn' } },
    });
  });
});

describe('mistakes it refuses, in Vietnamese', () => {
  it.each<[string, string[], string]>([
    [
      'no flag at all',
      [],
      'Thiếu --root: thư mục trên máy chủ chứa trang đã dựng (nội dung của dist/), vd. --root /var/www/congdoan.',
    ],
    [
      'an unknown flag',
      [...ROOT, '--port', '80'],
      'Không có tùy chọn "--port". Các tùy chọn: --root, --base, --server-name, --site-url, --listen, --out, --locations-only, --help.',
    ],
    [
      'an unknown flag=value',
      [...ROOT, '--port=80'],
      'Không có tùy chọn "--port". Các tùy chọn: --root, --base, --server-name, --site-url, --listen, --out, --locations-only, --help.',
    ],
    [
      'a single-dash flag',
      ['-r', '/var/www'],
      'Không nhận đối số "-r": mỗi giá trị đi sau tùy chọn của nó (vd. --root /var/www/congdoan).',
    ],
    [
      'a value without its flag',
      ['/var/www/congdoan'],
      'Không nhận đối số "/var/www/congdoan": mỗi giá trị đi sau tùy chọn của nó (vd. --root /var/www/congdoan).',
    ],
    ['a flag without its value', ['--root'], 'Tùy chọn --root cần một giá trị (vd. --root /var/www/congdoan).'],
    [
      'a flag followed by another',
      ['--root', '--base', '/x/'],
      'Tùy chọn --root cần một giá trị (vd. --root /var/www/congdoan).',
    ],
    ['an empty value', [...ROOT, '--base='], 'Tùy chọn --base cần một giá trị (vd. --base /congdoan/).'],
    ['a flag given twice', [...ROOT, '--root', '/srv'], 'Tùy chọn --root được cho hai lần.'],
    [
      'a switch given twice',
      [...ROOT, '--locations-only', '--locations-only'],
      'Tùy chọn --locations-only được cho hai lần.',
    ],
    ['a switch with a value', [...ROOT, '--locations-only=yes'], 'Tùy chọn --locations-only không nhận giá trị.'],
    [
      'a bad base path',
      [...ROOT, '--base', 'congdoan'],
      'Đường dẫn gốc "congdoan" không hợp lệ: phải bắt đầu bằng "/" và chỉ gồm chữ không dấu, số, ".", "-", "_", "~" (vd. "/" hoặc "/congdoan/").',
    ],
    [
      'a site URL that is not one',
      [...ROOT, '--site-url', 'example.gov.vn'],
      '--site-url "example.gov.vn" không phải địa chỉ http(s) đầy đủ (vd. --site-url https://example.gov.vn/congdoan/).',
    ],
    [
      'a site URL of another scheme',
      [...ROOT, '--site-url', 'ftp://example.gov.vn/'],
      '--site-url "ftp://example.gov.vn/" không phải địa chỉ http(s) đầy đủ (vd. --site-url https://example.gov.vn/congdoan/).',
    ],
    [
      'a site URL with a query',
      [...ROOT, '--site-url', 'https://example.gov.vn/?a=1'],
      '--site-url "https://example.gov.vn/?a=1" không phải địa chỉ http(s) đầy đủ (vd. --site-url https://example.gov.vn/congdoan/).',
    ],
    [
      'a base path that contradicts the site URL',
      [...ROOT, '--base', '/a/', '--site-url', 'https://example.gov.vn/congdoan/'],
      '--base "/a/" khác đường dẫn của --site-url ("/congdoan/"): bỏ một trong hai.',
    ],
    [
      'server flags with --locations-only',
      [...ROOT, '--locations-only', '--listen', '80'],
      '--server-name và --listen thuộc khối server { }: không dùng cùng --locations-only.',
    ],
  ])('%s', (_name, argv, message) => {
    expect(parseNginxArgs(argv)).toEqual({ error: message });
    expect(nginxCommand(argv)).toEqual({ status: 2, stdout: '', stderr: `✗ ${message}\n\n${NGINX_USAGE}\n` });
  });

  it.each<[string, string[], RegExp]>([
    ['a relative root', ['--root', 'dist'], /^✗ Thư mục gốc "dist" không hợp lệ/],
    ['a bad port', [...ROOT, '--listen', '99999'], /^✗ Cổng "99999" không hợp lệ/],
    ['a bad server name', [...ROOT, '--server-name', 'http://x'], /^✗ Tên máy chủ "http:\/\/x" không hợp lệ/],
  ])('%s (found by the recipe)', (_name, argv, message) => {
    const result = nginxCommand(argv);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('what it prints', () => {
  it('the server block on stdout', () => {
    expect(nginxCommand([...ROOT, '--base', '/congdoan/'])).toEqual({
      status: 0,
      stdout: nginxServerConfig({ root: '/var/www/congdoan', base: '/congdoan/' }),
      stderr: '',
    });
  });

  it('only the locations with --locations-only', () => {
    expect(nginxCommand([...ROOT, '--locations-only']).stdout).toBe(nginxLocationsFile({ root: '/var/www/congdoan' }));
  });

  it('the usage with --help', () => {
    expect(nginxCommand(['--help'])).toEqual({ status: 0, stdout: `${NGINX_USAGE}\n`, stderr: '' });
  });

  it('runs as a script: the file with --out, a message in Vietnamese otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-nginx-cli-'));
    try {
      const out = join(dir, 'congdoan.conf');
      const script = join(projectRoot, 'scripts/deploy-nginx.ts');
      const ok = spawnSync(process.execPath, [script, ...ROOT, '--base', '/congdoan/', '--out', out], {
        encoding: 'utf8',
      });
      expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, '', `Đã ghi cấu hình nginx vào ${out}.\n`]);
      expect(readFileSync(out, 'utf8')).toBe(nginxServerConfig({ root: '/var/www/congdoan', base: '/congdoan/' }));
      const bad = spawnSync(process.execPath, [script, '--rot', '/x'], { encoding: 'utf8' });
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr.split('\n')[0]).toBe(
        '✗ Không có tùy chọn "--rot". Các tùy chọn: --root, --base, --server-name, --site-url, --listen, --out, --locations-only, --help.',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

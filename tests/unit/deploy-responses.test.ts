/**
 * The response classes the server recipes serve (src/publishing/deploy/responses.ts): the rules of
 * `_headers` resolved into complete header sets per kind of path, as a host that reads `_headers`
 * would send them (checked against tests/support/host-headers.ts, the tests' own reading of the
 * file), plus the recipes' caching; and the checks on a recipe's inputs.
 */
import { describe, expect, it } from 'vitest';
import {
  DeployInputError,
  headerChanges,
  headersAt,
  normalizeBase,
  responseClasses,
  SHORT_CACHE,
  checkedValue,
} from '#src/publishing/deploy/responses.ts';
import {
  ADMIN_CSP,
  headersFile,
  HEADER_RULES,
  IMMUTABLE_CACHE,
  SECURITY_HEADERS,
  type HeaderRule,
} from '#src/publishing/security-headers.ts';
import { headersForPath, parseHeadersFile } from '../support/host-headers.ts';

const RULES: HeaderRule[] = [
  { pattern: '/*', headers: { A: '1', B: '2' } },
  { pattern: '/x/*', detach: ['A'], headers: { A: 'x' } },
  { pattern: '/x/y/*', headers: { B: '3' } },
  { pattern: '/z/*', detach: ['B'], headers: {} },
];

describe('headersAt: _headers applied as Cloudflare Pages and Netlify do', () => {
  it.each<[string, Record<string, string>]>([
    ['/', { A: '1', B: '2' }],
    ['/x/', { A: 'x', B: '2' }],
    ['/x/page/', { A: 'x', B: '2' }],
    ['/x/y/z.js', { A: 'x', B: '2, 3' }],
    ['/z/', { A: '1' }],
    ['/xy/', { A: '1', B: '2' }],
  ])('%s', (path, expected) => {
    expect(headersAt(RULES, path)).toEqual(expected);
    // The same as the tests' own reading of a _headers file with these rules.
    expect(headersAt(RULES, path)).toEqual(headersForPath(parseHeadersFile(headersFile(RULES)), path));
  });
});

describe("the site's response classes", () => {
  const classes = responseClasses();
  const byPrefix = (prefix: string, extensions = false) =>
    classes.find((c) => c.prefix === prefix && Boolean(c.extensions) === extensions)!;

  it('start with the whole site, then one class per folder rule, then Pagefind’s hashed files', () => {
    expect(classes.map((c) => [c.prefix, c.extensions?.join(' ') ?? ''])).toEqual([
      ['/', ''],
      ['/admin/', ''],
      ['/_astro/', ''],
      ['/pagefind/', 'pf_meta pf_index pf_fragment pf_filter'],
    ]);
  });

  it.each<[string, boolean, string, string]>([
    ['/', false, SECURITY_HEADERS['Content-Security-Policy']!, SHORT_CACHE],
    ['/admin/', false, ADMIN_CSP, SHORT_CACHE],
    ['/_astro/', false, SECURITY_HEADERS['Content-Security-Policy']!, IMMUTABLE_CACHE],
    ['/pagefind/', true, SECURITY_HEADERS['Content-Security-Policy']!, IMMUTABLE_CACHE],
  ])('%s (by extension: %s) carries every security header, its policy and its caching', (prefix, ext, csp, cache) => {
    const { headers } = byPrefix(prefix, ext);
    expect(Object.keys(headers).sort()).toEqual([...Object.keys(SECURITY_HEADERS), 'Cache-Control'].sort());
    expect(headers['Content-Security-Policy']).toBe(csp);
    expect(headers['Cache-Control']).toBe(cache);
    const { ['Cache-Control']: _cache, ...security } = headers;
    const { ['Cache-Control']: _fileCache, ...fromFile } = headersForPath(
      parseHeadersFile(headersFile()),
      `${prefix}x`,
    );
    expect(security).toEqual(fromFile);
  });

  it('put nested folders after the folders they are in', () => {
    const nested = responseClasses([
      { pattern: '/*', headers: { A: '1' } },
      { pattern: '/a/b/*', headers: { A: '2' } },
      { pattern: '/a/*', headers: { A: '3' } },
    ]);
    expect(nested.map((c) => c.prefix)).toEqual(['/', '/a/', '/a/b/', '/pagefind/']);
  });

  it.each(['/index.html', '/*.js', '/a/*/b/*', '/a', 'a/*'])(
    'refuse the pattern %s, which no recipe can serve',
    (pattern) => {
      expect(() => responseClasses([...HEADER_RULES, { pattern, headers: { A: '1' } }])).toThrow(
        new DeployInputError(
          `Mẫu đường dẫn "${pattern}" của _headers không chuyển được sang cấu hình máy chủ: chỉ dùng "/*" hoặc một thư mục "/thu-muc/*".`,
        ),
      );
    },
  );
});

describe('normalizeBase', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/congdoan/', '/congdoan/'],
    ['/congdoan', '/congdoan/'],
    ['/so-tu-phap/cong_doan.v2/', '/so-tu-phap/cong_doan.v2/'],
  ])('%s → %s', (base, expected) => {
    expect(normalizeBase(base)).toBe(expected);
  });

  it.each(['congdoan/', '//', '/công-đoàn/', '/a b/', '/../etc/', '/a/./b/', '/a?b/', '/a;b/', '/$x/'])(
    'refuses %j',
    (base) => {
      expect(() => normalizeBase(base)).toThrow(DeployInputError);
      expect(() => normalizeBase(base)).toThrow(/^Đường dẫn gốc .* không hợp lệ: phải bắt đầu bằng "\/"/);
    },
  );
});

describe('checkedValue', () => {
  it.each(['a "quoted" value', 'a \\ backslash', 'two\nlines', 'a\rreturn'])('refuses %j', (value) => {
    expect(() => checkedValue('X-Test', value)).toThrow(
      'Giá trị của tiêu đề X-Test chứa dấu ngoặc kép, gạch chéo ngược hoặc xuống dòng.',
    );
  });
  it('keeps single quotes, semicolons and colons as they are', () => {
    expect(checkedValue('CSP', "default-src 'self'; img-src data:")).toBe("default-src 'self'; img-src data:");
  });
});

describe('headerChanges', () => {
  it.each<[string, Record<string, string>, Record<string, string>, ReturnType<typeof headerChanges>]>([
    ['nothing', { A: '1' }, { A: '1' }, { remove: [], set: [] }],
    ['a changed value', { A: '1', B: '2' }, { A: '1', B: '3' }, { remove: [], set: [['B', '3']] }],
    ['a new header', { A: '1' }, { A: '1', C: '4' }, { remove: [], set: [['C', '4']] }],
    ['a dropped header', { A: '1', B: '2' }, { A: '1' }, { remove: ['B'], set: [] }],
  ])('%s', (_name, from, to, expected) => {
    expect(headerChanges(from, to)).toEqual(expected);
  });
});

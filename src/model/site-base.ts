/**
 * The base path the site is published under (Astro `base`): "/" at the root of a domain, or a
 * sub-path such as "/congdoan/" on an agency's server (https://example.gov.vn/congdoan/).
 * Read from SITE_BASE (CI, `npm run build`) by astro.config.mjs; every URL of the site then goes
 * through src/site/routes.ts, which prefixes it. Pure; see tests/unit/site-base.test.ts.
 */

/** One path segment: ASCII letters, digits and the URL-safe marks "-", "_", ".", "~" ("." and ".." are refused first). */
const SEGMENT = /^[A-Za-z0-9._~-]+$/;

export class SiteBaseError extends Error {
  override name = 'SiteBaseError';
}

/**
 * Normalise a base path: missing or empty → "/"; a leading and a trailing "/" are added
 * ("congdoan" → "/congdoan/"). Throws a SiteBaseError with a Vietnamese message naming `source`
 * (the variable or field the value came from) for anything that is not a plain path.
 */
export function normalizeSiteBase(value: string | undefined, source = 'SITE_BASE'): string {
  const raw = (value ?? '').trim();
  if (raw === '' || raw === '/') return '/';
  const fail = (why: string): never => {
    throw new SiteBaseError(
      `${source} = "${raw}" không hợp lệ: ${why}. Đường dẫn gốc phải là một đường dẫn con trên tên miền, ` +
        `ví dụ "/congdoan/" (trang chủ tại https://ten-mien/congdoan/), hoặc để trống (hay "/") nếu trang đặt ở gốc tên miền.`,
    );
  };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//'))
    fail('đây là một địa chỉ đầy đủ, không phải đường dẫn; địa chỉ trang (https://…) đặt ở SITE_URL');
  if (/[?#]/.test(raw)) fail('không được chứa "?" hay "#"');
  if (raw.includes('\\')) fail('dùng dấu "/" thay cho dấu "\\"');
  const segments = raw.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  for (const segment of segments) {
    if (segment === '') fail('có hai dấu "/" liền nhau');
    if (segment === '.' || segment === '..') fail(`không được có đoạn "${segment}"`);
    if (!SEGMENT.test(segment))
      fail(`đoạn "${segment}" chỉ được gồm chữ cái không dấu, chữ số và các dấu "-", "_", ".", "~"`);
  }
  return `/${segments.join('/')}/`;
}

/**
 * Make the URLs of an HTML fragment absolute, for feeds read away from the site:
 * src, href, poster and every candidate of srcset. Protocol-relative, absolute, data:, mailto:
 * and fragment-only URLs are left alone. Pure; see tests/unit/absolute-urls.test.ts.
 */

const ATTRIBUTE = /(\s(?:src|href|poster|srcset))\s*=\s*("([^"]*)"|'([^']*)')/gi;

function absolute(url: string, base: string): string {
  const u = url.trim();
  if (!u || u.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(u) || u.startsWith('//')) return url;
  return new URL(u, base).href;
}

const TAG = /<[a-z][^<>]*>/gi;

export function absolutizeUrls(html: string, base: string): string {
  // Only inside start tags: text that mentions src="/x" is left as written.
  return html.replace(TAG, (tag) => absolutizeTag(tag, base));
}

function absolutizeTag(tag: string, base: string): string {
  return tag.replace(ATTRIBUTE, (_m, name: string, _q, dq: string | undefined, sq: string | undefined) => {
    const value = dq ?? sq ?? '';
    const isSrcset = /srcset$/i.test(name);
    // Values in Astro output are HTML-escaped; &amp; in a URL stays as it is.
    const out = isSrcset
      ? value
          .split(',')
          .map((candidate) => {
            const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [absolute(url, base), ...descriptor].join(' ');
          })
          .join(', ')
      : absolute(value, base);
    return `${name}="${out.replace(/"/g, '&quot;')}"`;
  });
}

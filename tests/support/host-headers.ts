/**
 * What a static host sends for a `_headers` file (Cloudflare Pages / Netlify syntax): the
 * file read back into rules, and the headers of one path. For the tests that serve the built site
 * as a host would (tests/browser/csp.test.ts) and check the rules' combined effect; the site
 * itself only writes the file (src/publishing/security-headers.ts).
 */
import type { HeaderRule } from '#src/publishing/security-headers.ts';

/** Parse a `_headers` file into rules. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { pattern: string; detach: string[]; headers: Record<string, string> }[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), detach: [], headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header line before any URL pattern: "${raw.trim()}"`);
    const line = raw.trim();
    if (line.startsWith('!')) rule.detach.push(line.slice(1).trim());
    else {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Error(`_headers: expected "Name: value", got "${line}"`);
      rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;

/**
 * The headers a host applying `rules` sends for `path`, as Cloudflare Pages documents it: every
 * matching rule applies; a header set twice is joined with ", " (two policies, both enforced);
 * "! Name" removes what earlier rules set.
 */
export function headersForPath(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!matches(rule.pattern, path)) continue;
    for (const name of rule.detach ?? []) delete out[name];
    for (const [name, value] of Object.entries(rule.headers)) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

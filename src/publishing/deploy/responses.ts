/**
 * What a web server must send for each kind of file of the built site, for the server recipes
 * (nginx.ts, apache.ts, iis.ts). Derived from the rules of the `_headers` file
 * (src/publishing/security-headers.ts), so every target sends the same policy.
 *
 * Cloudflare Pages and Netlify read `_headers` and merge its rules themselves; nginx, Apache and
 * IIS do not, and nginx even drops every inherited header in a location that sets one of its own.
 * So the rules are resolved here into complete header sets, one per kind of path (a "response
 * class"), and each recipe writes every header of a class where that class is served.
 *
 * Beyond `_headers`, the recipes also give:
 * - every response a Cache-Control: short for pages, feeds and the search entry files, so a new
 *   build shows within minutes; a year for files named after their content (Astro's /_astro/ and
 *   Pagefind's index chunks, whose names change whenever their content does);
 * - content types for Pagefind's files, which no server knows.
 */
import { HEADER_RULES, IMMUTABLE_CACHE, type HeaderRule } from '../security-headers.ts';

/** Cache-Control of everything not named after its content: five minutes. */
export const SHORT_CACHE = 'public, max-age=300';

/** Where Pagefind writes its bundle in the build (src/integrations/pagefind.ts, bundleDir). */
export const PAGEFIND_FOLDER = '/pagefind/';

/**
 * Pagefind's files named after their content hash (pagefind-entry.json names the current ones):
 * the language metadata and the index, fragment and filter chunks. The scripts, the entry file
 * and the WebAssembly (wasm.<language>.pagefind) keep their names from build to build.
 */
export const PAGEFIND_HASHED_EXTENSIONS = ['pf_meta', 'pf_index', 'pf_fragment', 'pf_filter'] as const;

/**
 * Pagefind's folders that hold only hashed chunks, inside each shard folder of the search index
 * (`/pagefind/<shard>/index/`, src/search/shards.ts); the .pf_meta files lie beside the scripts.
 */
export const PAGEFIND_CHUNK_FOLDERS = ['index/', 'fragment/', 'filter/'] as const;

/**
 * Content types the servers' own tables lack (Debian's /etc/nginx/mime.types and /etc/mime.types).
 * Pagefind's files are compressed by Pagefind and unpacked by its script, so they are plain bytes
 * to the browser (IIS refuses to serve a file whose extension it does not know); the web editor's
 * config.yml is text.
 */
export const EXTRA_CONTENT_TYPES: Readonly<Record<string, string>> = {
  pagefind: 'application/octet-stream',
  ...Object.fromEntries(PAGEFIND_HASHED_EXTENSIONS.map((ext) => [ext, 'application/octet-stream'])),
  yml: 'text/yaml',
  yaml: 'text/yaml',
};

/**
 * Types worth compressing on the fly (gzip). Pagefind's files are left out: they are compressed
 * already. Images other than SVG and fonts (woff2) are compressed formats too.
 */
export const COMPRESSIBLE_TYPES = [
  'text/html',
  'text/css',
  'text/javascript',
  'application/javascript',
  'application/json',
  'text/xml',
  'application/xml',
  'application/rss+xml',
  'image/svg+xml',
  'text/plain',
  'text/yaml',
] as const;

export interface ResponseClass {
  /** Site path (from the site's root) the class covers: "/" for everything, "/admin/", "/_astro/". */
  prefix: string;
  /** Only the files under `prefix` with one of these extensions (no dot). */
  extensions?: readonly string[];
  /**
   * For servers that set headers by folder, not by extension (IIS): the folders under `prefix`
   * that hold only such files. Files of the class outside them keep the site's headers there.
   */
  folders?: readonly string[];
  /** Every header a response of this class carries, Cache-Control included. */
  headers: Readonly<Record<string, string>>;
}

/** A deployment input a recipe cannot use (a message for the operator, in Vietnamese). */
export class DeployInputError extends Error {
  override name = 'DeployInputError';
}

/**
 * The headers `_headers` gives a path, as Cloudflare Pages and Netlify apply it: every matching
 * rule in order; "! Name" drops what an earlier rule set; a header set twice is joined with ", ".
 */
export function headersAt(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.pattern.endsWith('*') ? path.startsWith(rule.pattern.slice(0, -1)) : path === rule.pattern;
    if (!matches) continue;
    for (const name of rule.detach ?? []) delete headers[name];
    for (const [name, value] of Object.entries(rule.headers))
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

const withCache = (headers: Record<string, string>, cache: string) => ({ ...headers, 'Cache-Control': cache });

/**
 * The response classes of the site, the whole site first: one per rule of `_headers` (each must be
 * "/*" or a folder, "/x/*": the recipes serve folders), then Pagefind's hashed files.
 */
export function responseClasses(rules: readonly HeaderRule[] = HEADER_RULES): ResponseClass[] {
  for (const { pattern } of rules) {
    if (!/^\/([^*/]+\/)*\*$/.test(pattern))
      throw new DeployInputError(
        `Mẫu đường dẫn "${pattern}" của _headers không chuyển được sang cấu hình máy chủ: chỉ dùng "/*" hoặc một thư mục "/thu-muc/*".`,
      );
  }
  const site = (path: string) => {
    const headers = headersAt(rules, path);
    return headers['Cache-Control'] ? headers : withCache(headers, SHORT_CACHE);
  };
  // Broader folders first: a recipe that lets later settings win (Apache) then gets nesting right.
  const folders = [...new Set(rules.map((r) => r.pattern.slice(0, -1)).filter((p) => p !== '/'))].sort(
    (a, b) => a.split('/').length - b.split('/').length,
  );
  return [
    { prefix: '/', headers: site('/') },
    ...folders.map((prefix) => ({ prefix, headers: site(prefix) })),
    {
      prefix: PAGEFIND_FOLDER,
      extensions: PAGEFIND_HASHED_EXTENSIONS,
      folders: PAGEFIND_CHUNK_FOLDERS,
      headers: withCache(site(PAGEFIND_FOLDER), IMMUTABLE_CACHE),
    },
  ];
}

/** A base path as the recipes use it: "/" or "/a/b/" (a missing trailing slash is added). */
export function normalizeBase(base: string): string {
  const withSlash = base.endsWith('/') ? base : `${base}/`;
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(withSlash) || /(^|\/)\.{1,2}\//.test(withSlash))
    throw new DeployInputError(
      `Đường dẫn gốc "${base}" không hợp lệ: phải bắt đầu bằng "/" và chỉ gồm chữ không dấu, số, ".", "-", "_", "~" (vd. "/" hoặc "/congdoan/").`,
    );
  return withSlash;
}

/** The URL path of a site path under the base: ("/congdoan/", "/admin/") → "/congdoan/admin/". */
export const underBase = (base: string, sitePath: string) => `${base}${sitePath.replace(/^\//, '')}`;

/** A header value the recipes can write between double quotes as it is (no quote, backslash or line break). */
export function checkedValue(name: string, value: string): string {
  if (/["\\\r\n]/.test(value))
    throw new DeployInputError(`Giá trị của tiêu đề ${name} chứa dấu ngoặc kép, gạch chéo ngược hoặc xuống dòng.`);
  return value;
}

/**
 * What turns the headers of one class into those of another, for servers where a path's settings
 * add to the site's (Apache, IIS): the headers to remove, and those to set (new or changed).
 */
export function headerChanges(
  from: Readonly<Record<string, string>>,
  to: Readonly<Record<string, string>>,
): { remove: string[]; set: [string, string][] } {
  return {
    remove: Object.keys(from).filter((name) => !(name in to)),
    set: Object.entries(to).filter(([name, value]) => from[name] !== value),
  };
}

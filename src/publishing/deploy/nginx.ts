/**
 * nginx recipe: a `server { }` block (or only its locations, for a server that already exists)
 * serving the built site from a folder under a base path, with the headers of
 * src/publishing/security-headers.ts. Written by `npm run deploy:nginx`; tested with Debian's nginx
 * in tests/build/deploy-nginx.test.ts.
 *
 * nginx does not merge headers: a location that has one `add_header` of its own drops every
 * inherited one. So every location writes the complete header set of its response class
 * (responses.ts), with "always" so error pages and redirects carry them too.
 */
import {
  COMPRESSIBLE_TYPES,
  DeployInputError,
  EXTRA_CONTENT_TYPES,
  checkedValue,
  normalizeBase,
  responseClasses,
  underBase,
  type ResponseClass,
} from './responses.ts';
import type { HeaderRule } from '../security-headers.ts';

export interface NginxOptions {
  /** Folder on the server that holds the built site (the contents of dist/), an absolute path. */
  root: string;
  /** URL path the site is served under: "/" (default) or e.g. "/congdoan/". */
  base?: string;
  /** server_name: the site's host name(s); "_" (any) by default. */
  serverName?: string;
  /** listen: a port ("80", the default) or address:port ("127.0.0.1:8080"). */
  listen?: string;
  /** The `_headers` rules to serve (the site's by default). */
  rules?: readonly HeaderRule[];
}

const INDENT = '    ';

function checkedRoot(root: string): string {
  if (!/^\/[^\s"'$;{}\\]*$/.test(root))
    throw new DeployInputError(
      `Thư mục gốc "${root}" không hợp lệ: cần một đường dẫn tuyệt đối trên máy chủ (vd. /var/www/congdoan), không có dấu cách, dấu ngoặc kép hay các ký tự $ ; { } \\.`,
    );
  return root.replace(/\/+$/, '') || '/';
}

function checkedServerName(name: string): string {
  if (!/^(_|(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)( (\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)*$/.test(name))
    throw new DeployInputError(
      `Tên máy chủ "${name}" không hợp lệ: dùng tên miền (vd. example.gov.vn), nhiều tên cách nhau một dấu cách, hoặc "_".`,
    );
  return name;
}

function checkedListen(listen: string): string {
  const port = /^(?:(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\]|localhost):)?(\d{1,5})$/.exec(listen)?.[1];
  if (!port || Number(port) < 1 || Number(port) > 65535)
    throw new DeployInputError(
      `Cổng "${listen}" không hợp lệ: dùng một số cổng (vd. 80) hoặc địa chỉ:cổng (vd. 127.0.0.1:8080).`,
    );
  return listen;
}

function headerLines(headers: Readonly<Record<string, string>>, indent: string): string[] {
  return Object.entries(headers).map(([name, value]) => {
    // nginx reads "$name" inside a string as a variable, with no way to escape it.
    if (value.includes('$')) throw new DeployInputError(`Giá trị của tiêu đề ${name} chứa ký tự $.`);
    return `${indent}add_header ${name} "${checkedValue(name, value)}" always;`;
  });
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The location of a response class other than the whole site, nested in the site's location. */
function classLocation(base: string, responseClass: ResponseClass, indent: string): string[] {
  const path = underBase(base, responseClass.prefix);
  const head = responseClass.extensions
    ? `location ~ ^${escapeRegex(path)}.+\\.(${responseClass.extensions.join('|')})$ {`
    : `location ^~ ${path} {`;
  return [`${indent}${head}`, ...headerLines(responseClass.headers, indent + INDENT), `${indent}}`];
}

function contentTypeLines(indent: string): string[] {
  const byType = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(EXTRA_CONTENT_TYPES)) byType.set(type, [...(byType.get(type) ?? []), ext]);
  return [
    // A `types` block replaces the inherited table: include nginx's own first, then add to it.
    `${indent}include mime.types;`,
    `${indent}types {`,
    ...[...byType].map(([type, exts]) => `${indent}${INDENT}${type} ${exts.join(' ')};`),
    `${indent}}`,
  ];
}

/** The location blocks of the site, for a `server { }` of its own or one that serves more. */
export function nginxLocations(options: Pick<NginxOptions, 'root' | 'base' | 'rules'>, indent = ''): string {
  const base = normalizeBase(options.base ?? '/');
  const root = checkedRoot(options.root);
  const [site, ...others] = responseClasses(options.rules);
  const inner = indent + INDENT;
  // text/html is always compressed and always gets the charset: nginx warns when it is listed.
  const textTypes = COMPRESSIBLE_TYPES.filter((t) => t !== 'text/html').join(' ');
  const lines: string[] = [];
  if (base !== '/') {
    lines.push(
      `${indent}# The site's address without its trailing slash.`,
      `${indent}location = ${base.slice(0, -1)} {`,
      `${inner}absolute_redirect off;`,
      ...headerLines(site!.headers, inner),
      `${inner}return 301 ${base};`,
      `${indent}}`,
      '',
    );
  }
  lines.push(
    `${indent}location ${base === '/' ? '/' : `^~ ${base}`} {`,
    base === '/' ? `${inner}root ${root};` : `${inner}alias ${root === '/' ? '/' : `${root}/`};`,
    // A folder requested without its slash (/tin-tuc) is redirected to it (/tin-tuc/) by nginx itself.
    `${inner}index index.html;`,
    `${inner}# A folder without index.html (/_astro/) is a missing page too, not a forbidden one.`,
    `${inner}error_page 403 404 =404 ${underBase(base, '/404.html')};`,
    `${inner}# Redirects name a path, not a host: right behind a TLS proxy too.`,
    `${inner}absolute_redirect off;`,
    `${inner}server_tokens off;`,
    `${inner}charset utf-8;`,
    `${inner}charset_types ${textTypes};`,
    ...contentTypeLines(inner),
    `${inner}gzip on;`,
    `${inner}gzip_vary on;`,
    `${inner}gzip_types ${textTypes};`,
    ...headerLines(site!.headers, inner),
  );
  for (const responseClass of others) lines.push('', ...classLocation(base, responseClass, inner));
  lines.push(`${indent}}`);
  return `${lines.join('\n')}\n`;
}

const HEADER_COMMENT = [
  '# Generated by `npm run deploy:nginx` (src/publishing/deploy/nginx.ts) from',
  "# src/publishing/security-headers.ts, the data of the build's _headers file: regenerate it after a",
  '# change there, never edit the headers here. Every location repeats every header on purpose: nginx',
  '# drops all inherited add_header lines in a location that has one of its own.',
];

/** A complete `server { }` block for the site (for /etc/nginx/sites-available/). */
export function nginxServerConfig(options: NginxOptions): string {
  const base = normalizeBase(options.base ?? '/');
  return [
    ...HEADER_COMMENT,
    `# The site under ${base}, served from ${checkedRoot(options.root)}.`,
    'server {',
    `${INDENT}listen ${checkedListen(options.listen ?? '80')};`,
    `${INDENT}server_name ${checkedServerName(options.serverName ?? '_')};`,
    '',
    nginxLocations({ ...options, base }, INDENT).trimEnd(),
    '}',
    '',
  ].join('\n');
}

/** Only the locations, with the same comment, to `include` in an existing `server { }` block. */
export function nginxLocationsFile(options: Pick<NginxOptions, 'root' | 'base' | 'rules'>): string {
  const base = normalizeBase(options.base ?? '/');
  return [
    ...HEADER_COMMENT,
    `# The site under ${base}, served from ${checkedRoot(options.root)}: include this file inside a server { } block.`,
    nginxLocations({ ...options, base }).trimEnd(),
    '',
  ].join('\n');
}

/**
 * The nginx recipe (src/publishing/deploy/nginx.ts) as text: its blocks read back with a small
 * parser, so each location can be checked for the complete header set of its class (nginx drops
 * inherited add_header lines in a location that has its own), under the root and a base path; and
 * the inputs it refuses. The real nginx serving it: tests/build/deploy-nginx.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { nginxLocationsFile, nginxServerConfig, type NginxOptions } from '#src/publishing/deploy/nginx.ts';
import { DeployInputError, responseClasses, SHORT_CACHE } from '#src/publishing/deploy/responses.ts';
import { ADMIN_CSP, CSP_HEADER, HEADER_RULES, SECURITY_HEADERS } from '#src/publishing/security-headers.ts';

interface Block {
  head: string;
  directives: string[];
  blocks: Block[];
}

/** nginx configuration text → its blocks (comments dropped; one directive or brace per line, as written). */
function parseNginx(text: string): Block {
  const root: Block = { head: '', directives: [], blocks: [] };
  const stack = [root];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const current = stack.at(-1)!;
    if (line.endsWith('{')) {
      const block = { head: line.slice(0, -1).trim(), directives: [], blocks: [] };
      current.blocks.push(block);
      stack.push(block);
    } else if (line === '}') {
      stack.pop();
      if (!stack.length) throw new Error('unbalanced "}"');
    } else {
      if (!line.endsWith(';')) throw new Error(`directive without ";": ${line}`);
      current.directives.push(line.slice(0, -1));
    }
  }
  if (stack.length !== 1) throw new Error('unclosed block');
  return root;
}

const locations = (block: Block): Block[] =>
  block.blocks.flatMap((b) => (b.head.startsWith('location') ? [b, ...locations(b)] : locations(b)));

/** The add_header lines of a block, as name → value (each must carry "always"). */
function addedHeaders(block: Block): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const d of block.directives) {
    const m = /^add_header (\S+) "([^"]*)" always$/.exec(d);
    if (d.startsWith('add_header') && !m) throw new Error(`add_header without quotes or "always": ${d}`);
    if (m) {
      if (m[1]! in headers) throw new Error(`${m[1]} added twice in ${block.head}`);
      headers[m[1]!] = m[2]!;
    }
  }
  return headers;
}

const directive = (block: Block, name: string) => block.directives.filter((d) => d.split(' ')[0] === name);

const ROOT = '/var/www/congdoan';

describe.each<[string, string, string]>([
  ['at the root', '/', ''],
  ['under /congdoan/', '/congdoan/', '/congdoan'],
  ['under a deeper base path', '/so-tu-phap/congdoan/', '/so-tu-phap/congdoan'],
])('the server block %s', (_name, base, prefix) => {
  const config = nginxServerConfig({ root: ROOT, base, serverName: 'example.gov.vn', listen: '8080' });
  const tree = parseNginx(config);
  const server = tree.blocks[0]!;
  const all = locations(server);
  const site = server.blocks.find((b) => b.head === (base === '/' ? 'location /' : `location ^~ ${base}`))!;
  const classes = responseClasses();

  it('is one server { } with its listen and server_name', () => {
    expect(tree.blocks.map((b) => b.head)).toEqual(['server']);
    expect(server.directives).toEqual(['listen 8080', 'server_name example.gov.vn']);
  });

  it('serves the site folder from the base path', () => {
    expect(site).toBeDefined();
    expect(base === '/' ? directive(site, 'root') : directive(site, 'alias')).toEqual([
      base === '/' ? `root ${ROOT}` : `alias ${ROOT}/`,
    ]);
    expect(directive(site, 'index')).toEqual(['index index.html']);
    expect(directive(site, 'error_page')).toEqual([`error_page 403 404 =404 ${prefix}/404.html`]);
    expect(directive(site, 'absolute_redirect')).toEqual(['absolute_redirect off']);
  });

  it('gives Pagefind’s files and the editor’s configuration their content types, on top of nginx’s own', () => {
    expect(directive(site, 'include')).toEqual(['include mime.types']);
    const types = site.blocks.find((b) => b.head === 'types')!;
    expect(types.directives).toEqual([
      'application/octet-stream pagefind pf_meta pf_index pf_fragment pf_filter',
      'text/yaml yml yaml',
    ]);
  });

  it('nests one location per response class in the site’s', () => {
    expect(site.blocks.filter((b) => b.head.startsWith('location')).map((b) => b.head)).toEqual([
      `location ^~ ${prefix}/admin/`,
      `location ^~ ${prefix}/_astro/`,
      `location ~ ^${prefix.replaceAll('.', '\\.')}/pagefind/.+\\.(pf_meta|pf_index|pf_fragment|pf_filter)$`,
    ]);
  });

  it('writes every header of its class in every location, with "always"', () => {
    const classOf = (head: string) =>
      head.includes('/admin/')
        ? classes[1]!
        : head.includes('/_astro/')
          ? classes[2]!
          : head.includes('pagefind')
            ? classes[3]!
            : classes[0]!;
    expect(all.length).toBe(base === '/' ? 4 : 5);
    for (const location of all) expect(addedHeaders(location), location.head).toEqual(classOf(location.head).headers);
  });

  it('sends the editor its own policy, and the site’s everywhere else', () => {
    const csp = Object.fromEntries(all.map((l) => [l.head, addedHeaders(l)['Content-Security-Policy']]));
    expect(
      Object.entries(csp)
        .filter(([, v]) => v === ADMIN_CSP)
        .map(([head]) => head),
    ).toEqual([`location ^~ ${prefix}/admin/`]);
    expect(Object.values(csp).filter((v) => v === CSP_HEADER)).toHaveLength(all.length - 1);
  });

  it(base === '/' ? 'has no redirect for the base path' : 'redirects the base path without its slash', () => {
    const redirect = server.blocks.find((b) => b.head === `location = ${prefix}`);
    if (base === '/') expect(redirect).toBeUndefined();
    else {
      expect(directive(redirect!, 'return')).toEqual([`return 301 ${base}`]);
      expect(addedHeaders(redirect!)).toEqual(classes[0]!.headers);
    }
  });
});

describe('defaults and the locations-only file', () => {
  it('listens on port 80 for any server name by default', () => {
    const server = parseNginx(nginxServerConfig({ root: ROOT })).blocks[0]!;
    expect(server.directives).toEqual(['listen 80', 'server_name _']);
  });

  it('prints only the locations, for a server { } that already exists', () => {
    const tree = parseNginx(nginxLocationsFile({ root: ROOT, base: '/congdoan/' }));
    expect(tree.blocks.map((b) => b.head)).toEqual(['location = /congdoan', 'location ^~ /congdoan/']);
    expect(tree.directives).toEqual([]);
  });

  it('names its source in its first lines', () => {
    expect(nginxServerConfig({ root: ROOT }).split('\n')[0]).toBe(
      '# Generated by `npm run deploy:nginx` (src/publishing/deploy/nginx.ts) from',
    );
  });

  it('serves other rules when given them', () => {
    const rules = [...HEADER_RULES, { pattern: '/tai-lieu/*', headers: { 'X-Robots-Tag': 'noindex' } }];
    const all = locations(parseNginx(nginxServerConfig({ root: ROOT, rules })));
    const docs = all.find((l) => l.head === 'location ^~ /tai-lieu/')!;
    expect(addedHeaders(docs)).toEqual({
      ...SECURITY_HEADERS,
      'X-Robots-Tag': 'noindex',
      'Cache-Control': SHORT_CACHE,
    });
  });
});

describe('refuses what nginx would misread', () => {
  it.each<[string, Partial<NginxOptions>, RegExp]>([
    ['a relative root', { root: 'dist' }, /^Thư mục gốc "dist" không hợp lệ/],
    ['a root with a space', { root: '/var/www/cong doan' }, /^Thư mục gốc .* không hợp lệ/],
    ['a root with a variable', { root: '/var/www/$host' }, /^Thư mục gốc .* không hợp lệ/],
    ['a root with a semicolon', { root: '/var/www/x;' }, /^Thư mục gốc .* không hợp lệ/],
    ['a base path with a space', { base: '/cong doan/' }, /^Đường dẫn gốc .* không hợp lệ/],
    ['a server name with a scheme', { serverName: 'https://example.gov.vn' }, /^Tên máy chủ .* không hợp lệ/],
    ['a server name with a path', { serverName: 'example.gov.vn/congdoan' }, /^Tên máy chủ .* không hợp lệ/],
    ['a port out of range', { listen: '70000' }, /^Cổng "70000" không hợp lệ/],
    ['a port that is a word', { listen: 'http' }, /^Cổng "http" không hợp lệ/],
    [
      'a header value with a variable',
      { rules: [{ pattern: '/*', headers: { 'X-Test': '$host' } }] },
      /^Giá trị của tiêu đề X-Test chứa ký tự \$\.$/,
    ],
    [
      'a header value with a double quote',
      { rules: [{ pattern: '/*', headers: { 'X-Test': 'a"b' } }] },
      /^Giá trị của tiêu đề X-Test chứa dấu ngoặc kép/,
    ],
  ])('%s', (_name, options, message) => {
    const run = () => nginxServerConfig({ root: ROOT, ...options });
    expect(run).toThrow(DeployInputError);
    expect(run).toThrow(message);
  });

  it.each(['80', '127.0.0.1:8080', '[::1]:8080', 'localhost:8080'])('accepts listen %s', (listen) => {
    expect(nginxServerConfig({ root: ROOT, listen })).toContain(`    listen ${listen};\n`);
  });

  it.each(['example.gov.vn', '*.example.gov.vn', 'example.gov.vn www.example.gov.vn', '_'])(
    'accepts server_name %s',
    (serverName) => {
      expect(nginxServerConfig({ root: ROOT, serverName })).toContain(`    server_name ${serverName};\n`);
    },
  );
});

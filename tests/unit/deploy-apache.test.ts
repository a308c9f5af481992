/**
 * The Apache recipe (src/publishing/deploy/apache.ts) as text: the `.htaccess` under the root and
 * under base paths, read back line by line into the site's headers and the <If> sections that
 * change them per path, which together must give each response class its complete header set.
 * The real apache2 serving it: tests/build/deploy-apache.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { apacheHtaccess } from '#src/publishing/deploy/apache.ts';
import { DeployInputError, responseClasses } from '#src/publishing/deploy/responses.ts';
import { HEADER_RULES } from '#src/publishing/security-headers.ts';

interface Htaccess {
  /** Lines outside any section, comments dropped. */
  top: string[];
  /** <If "condition"> → its lines. */
  sections: [string, string[]][];
}

function parseHtaccess(text: string): Htaccess {
  const result: Htaccess = { top: [], sections: [] };
  let section: string[] | undefined;
  const depth: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const open = /^<(\w+)\s*(.*)>$/.exec(line);
    if (open && !line.startsWith('</')) {
      depth.push(open[1]!);
      if (open[1] === 'If' && depth.length === 1) {
        section = [];
        result.sections.push([open[2]!, section]);
        continue;
      }
    } else if (line.startsWith('</')) {
      if (`</${depth.pop()}>` !== line) throw new Error(`mismatched ${line}`);
      if (!depth.length) section = undefined;
      if (line === '</If>') continue;
    }
    (section ?? result.top).push(line);
  }
  if (depth.length) throw new Error(`unclosed <${depth.at(-1)}>`);
  return result;
}

/** Apply "Header always set|unset" lines to a header set, as mod_headers does in order. */
function applyHeaders(lines: string[], start: Record<string, string> = {}): Record<string, string> {
  const headers = { ...start };
  for (const line of lines) {
    const set = /^Header always set (\S+) "(.*)"$/.exec(line);
    const unset = /^Header always unset (\S+)$/.exec(line);
    if (set) headers[set[1]!] = set[2]!.replaceAll('%%', '%');
    else if (unset) delete headers[unset[1]!];
    else if (line.startsWith('Header')) throw new Error(`unexpected Header line: ${line}`);
  }
  return headers;
}

describe.each<[string, string, string]>([
  ['at the root', '/', '/'],
  ['under /congdoan/', '/congdoan/', '/congdoan/'],
  ['under a deeper base path', '/so-tu-phap/cong.doan/', '/so-tu-phap/cong\\.doan/'],
])('the .htaccess %s', (_name, base, pattern) => {
  const htaccess = parseHtaccess(apacheHtaccess({ base }));
  const [site, ...others] = responseClasses();

  it('serves folders by their index.html, with the 404 page under the base path', () => {
    expect(htaccess.top).toEqual(
      expect.arrayContaining([
        'DirectoryIndex index.html',
        'DirectorySlash On',
        `ErrorDocument 404 ${base}404.html`,
        'AddType application/octet-stream .pagefind .pf_meta .pf_index .pf_fragment .pf_filter',
        'AddType text/yaml .yml .yaml',
        'AddDefaultCharset utf-8',
      ]),
    );
  });

  it('sends every header of the site on every response', () => {
    expect(applyHeaders(htaccess.top)).toEqual(site!.headers);
  });

  it('changes them per path so that each class gets its complete set', () => {
    const conditions = htaccess.sections.map(([condition]) => condition);
    expect(conditions).toEqual([
      `"-d %{REQUEST_FILENAME} && ! -f '%{REQUEST_FILENAME}/index.html'"`,
      `"%{REQUEST_URI} =~ m#^${pattern}admin/#"`,
      `"%{REQUEST_URI} =~ m#^${pattern}_astro/#"`,
      `"%{REQUEST_URI} =~ m#^${pattern}pagefind/.+\\.(pf_meta|pf_index|pf_fragment|pf_filter)$#"`,
    ]);
    others.forEach((responseClass, i) => {
      expect(applyHeaders(htaccess.sections[i + 1]![1], site!.headers), responseClass.prefix).toEqual(
        responseClass.headers,
      );
    });
  });

  it('answers a folder without index.html with the 404 page', () => {
    expect(htaccess.sections[0]![1]).toEqual(['Redirect 404']);
  });

  it('compresses text when mod_deflate is there', () => {
    expect(htaccess.top.find((l) => l.startsWith('AddOutputFilterByType DEFLATE'))).toMatch(
      /^AddOutputFilterByType DEFLATE text\/html text\/css .*image\/svg\+xml/,
    );
  });
});

describe('header values', () => {
  it('writes "%" as "%%" (mod_headers reads "%" as a format specifier)', () => {
    const text = apacheHtaccess({ rules: [{ pattern: '/*', headers: { 'X-Share': '100% static' } }] });
    expect(text).toContain('Header always set X-Share "100%% static"\n');
  });

  it('removes a header that a path drops', () => {
    const text = apacheHtaccess({
      rules: [...HEADER_RULES, { pattern: '/nhung/*', detach: ['X-Frame-Options'], headers: {} }],
    });
    const section = parseHtaccess(text).sections.find(([c]) => c.includes('nhung/'))!;
    expect(section[1]).toEqual(['Header always unset X-Frame-Options']);
  });

  it('refuses a value it cannot quote', () => {
    expect(() => apacheHtaccess({ rules: [{ pattern: '/*', headers: { 'X-Test': 'a"b' } }] })).toThrow(
      DeployInputError,
    );
  });

  it('names its source in its first lines', () => {
    expect(apacheHtaccess().split('\n').slice(0, 2)).toEqual([
      '# Generated by src/integrations/security-headers.ts (src/publishing/deploy/apache.ts) from',
      '# src/publishing/security-headers.ts; do not edit.',
    ]);
  });
});

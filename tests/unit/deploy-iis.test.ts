/**
 * The IIS recipe (src/publishing/deploy/iis.ts): no IIS runs on this machine, so the `web.config`
 * is checked as XML (well-formed, proven on broken files first) and for the elements IIS needs:
 * the default document, the content types of Pagefind's files (IIS refuses unknown extensions),
 * the custom headers of every response class, the 404 page under the base path.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { iisPagefindWebConfig, iisWebConfig } from '#src/publishing/deploy/iis.ts';
import { EXTRA_CONTENT_TYPES, headerChanges, responseClasses } from '#src/publishing/deploy/responses.ts';
import { ADMIN_CSP, HEADER_RULES, IMMUTABLE_CACHE } from '#src/publishing/security-headers.ts';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['add', 'remove', 'mimeMap', 'location', 'error'].includes(name),
});
const parse = (text: string) => parser.parse(text) as { configuration: Node };
const at = (node: unknown, ...path: string[]): Node =>
  path.reduce<Node>((n, key) => {
    const next = n?.[key];
    if (next === undefined) throw new Error(`no <${key}> in ${JSON.stringify(n).slice(0, 200)}`);
    return next as Node;
  }, node as Node);

/** customHeaders <remove>/<add> applied in order to what a parent level set. */
function applyCustomHeaders(customHeaders: Node, start: Record<string, string> = {}): Record<string, string> {
  const headers = { ...start };
  // fast-xml-parser groups elements by name; the recipe writes each <remove> before the <add> it precedes.
  for (const { name } of (customHeaders.remove ?? []) as { name: string }[]) delete headers[name];
  for (const { name, value } of (customHeaders.add ?? []) as { name: string; value: string }[]) headers[name] = value;
  return headers;
}

/**
 * Well-formedness of the XML a recipe writes (fast-xml-parser reads leniently, and its validator
 * is deprecated and lets "a & b" through): an optional declaration first, comments, elements with
 * double-quoted attributes and only white space between them; every element closed in order,
 * exactly one root, no attribute twice, every "&" a predefined or numeric entity.
 */
function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  let roots = 0;
  const token =
    /<\?xml\s[^?]*\?>|<!--([\s\S]*?)-->|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|</g;
  for (const m of text.matchAll(token)) {
    const [whole, comment, closing, name, attributes, selfClosing, between] = m;
    const at = `at ${m.index}`;
    if (whole.startsWith('<?xml')) {
      if (m.index !== 0) problems.push(`XML declaration not first ${at}`);
    } else if (comment !== undefined) {
      if (comment.includes('--')) problems.push(`"--" inside a comment ${at}`);
    } else if (name) {
      if (closing) {
        if (selfClosing || attributes) problems.push(`malformed closing tag </${name}> ${at}`);
        const expected = open.pop();
        if (expected !== name) problems.push(`</${name}> closes <${expected ?? 'nothing'}> ${at}`);
      } else {
        if (!open.length) roots++;
        const names = [...(attributes ?? '').matchAll(/([A-Za-z_][\w.:-]*)\s*=/g)].map((a) => a[1]);
        if (new Set(names).size !== names.length) problems.push(`an attribute twice in <${name}> ${at}`);
        if (!selfClosing) open.push(name);
      }
    } else if (between !== undefined) {
      if (between.trim()) problems.push(`text outside a tag ${at}: ${between.trim().slice(0, 30)}`);
    } else problems.push(`malformed tag ${at}: ${text.slice(m.index, m.index + 30)}`);
  }
  if (open.length) problems.push(`unclosed <${open.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  for (const m of text.matchAll(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/g))
    problems.push(`unescaped "&" at ${m.index}`);
  return problems;
}

describe('the XML check (proven on broken files)', () => {
  it.each([
    ['an unclosed element', '<configuration><system.webServer></configuration>'],
    ['an unescaped ampersand', '<configuration><a value="a & b" /></configuration>'],
    ['an unknown entity', '<configuration><a value="a &nbsp; b" /></configuration>'],
    ['an attribute without quotes', '<configuration><a value=x /></configuration>'],
    ['two root elements', '<configuration /><configuration />'],
    ['elements closed out of order', '<configuration><a><b></a></b></configuration>'],
    ['an attribute twice', '<configuration><a name="x" name="y" /></configuration>'],
    ['"<" in an attribute', '<configuration><a value="a < b" /></configuration>'],
    ['text in the file', '<configuration>hello</configuration>'],
    ['a declaration after the start', ' <?xml version="1.0"?><configuration />'],
  ])('refuses %s', (_name, text) => {
    expect(xmlProblems(text)).not.toEqual([]);
  });

  it('accepts a declaration, comments and escaped entities', () => {
    expect(
      xmlProblems(
        '<?xml version="1.0" encoding="utf-8"?>\n<!-- x -->\n<configuration>\n  <a value="a &amp; b &lt; &#233; &quot;" />\n</configuration>\n',
      ),
    ).toEqual([]);
  });
});

describe.each(['/', '/congdoan/'])('the web.config under %s', (base) => {
  const text = iisWebConfig({ base });
  const config = parse(text).configuration;
  const webServer = at(config, 'system.webServer');
  const [site, ...others] = responseClasses();

  it('is well-formed XML with one <configuration>', () => {
    expect(xmlProblems(text)).toEqual([]);
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  });

  it('serves folders by their index.html', () => {
    expect(at(webServer, 'defaultDocument', 'files', 'add')).toEqual([{ value: 'index.html' }]);
  });

  it('knows the content types of Pagefind’s files and of the editor’s configuration', () => {
    const mimeMaps = at(webServer, 'staticContent', 'mimeMap') as unknown as {
      fileExtension: string;
      mimeType: string;
    }[];
    expect(Object.fromEntries(mimeMaps.map((m) => [m.fileExtension.slice(1), m.mimeType]))).toEqual(
      EXTRA_CONTENT_TYPES,
    );
    // Each replaces a type the server may already define (a duplicate is an error in IIS).
    const removed = (at(webServer, 'staticContent', 'remove') as unknown as { fileExtension: string }[]).map(
      (r) => r.fileExtension,
    );
    expect(removed).toEqual(mimeMaps.map((m) => m.fileExtension));
    expect(at(webServer, 'staticContent', 'clientCache')).toEqual({ cacheControlMode: 'NoControl' });
  });

  it('answers a missing page with the 404 page under the base path', () => {
    const httpErrors = at(webServer, 'httpErrors');
    expect(httpErrors).toMatchObject({ errorMode: 'Custom', existingResponse: 'Replace' });
    expect(at(httpErrors, 'error')).toEqual([
      { statusCode: '404', path: `${base}404.html`, responseMode: 'ExecuteURL' },
    ]);
  });

  it('sends every header of the site on every response', () => {
    const customHeaders = at(webServer, 'httpProtocol', 'customHeaders');
    expect(applyCustomHeaders(customHeaders)).toEqual(site!.headers);
    expect((customHeaders.remove as { name: string }[]).map((r) => r.name)).toContain('X-Powered-By');
  });

  it('changes them per folder so that each class gets its complete set', () => {
    const locations = at(config, 'location') as unknown as Node[];
    // Pagefind's chunk folders lie in the shards of the search index: pagefind/web.config (below).
    expect(locations.map((l) => l.path)).toEqual(['admin', '_astro']);
    const classOf = (path: string) => others.find((c) => path.startsWith(c.prefix.slice(1, -1)))!;
    for (const location of locations) {
      const customHeaders = at(location, 'system.webServer', 'httpProtocol', 'customHeaders');
      const responseClass = classOf(location.path as string);
      expect(applyCustomHeaders(customHeaders, site!.headers), location.path as string).toEqual(responseClass.headers);
      // Only what differs from the site's.
      expect((customHeaders.add as unknown[]).length).toBe(
        headerChanges(site!.headers, responseClass.headers).set.length,
      );
    }
    expect(at(locations[0], 'system.webServer', 'httpProtocol', 'customHeaders', 'add')).toEqual([
      { name: 'Content-Security-Policy', value: ADMIN_CSP },
    ]);
    expect(at(locations[1], 'system.webServer', 'httpProtocol', 'customHeaders', 'add')).toEqual([
      { name: 'Cache-Control', value: IMMUTABLE_CACHE },
    ]);
  });

  it('says which modules it assumes and why the trailing slash needs no rewrite rule', () => {
    expect(text).toContain("Only IIS's own modules, no URL Rewrite: IIS");
    expect(text).toContain(`redirects a folder requested without its slash (${base}tin-tuc) to it by itself.`);
  });
});

it('escapes what XML needs escaped in header values', () => {
  const value = `a & b < c > d "e"`;
  const text = iisWebConfig({ rules: [...HEADER_RULES, { pattern: '/x/*', headers: { 'X-Test': value } }] });
  expect(xmlProblems(text)).toEqual([]);
  const locations = at(parse(text).configuration, 'location') as unknown as Node[];
  const x = locations.find((l) => l.path === 'x')!;
  expect(at(x, 'system.webServer', 'httpProtocol', 'customHeaders', 'add')).toEqual([{ name: 'X-Test', value }]);
});

describe('pagefind/web.config, for the shards of the search index', () => {
  const text = iisPagefindWebConfig(['nam-2024-2025', 'khong-ro-nam']);
  const [site, ...others] = responseClasses();
  const pagefind = others.find((c) => c.prefix === '/pagefind/')!;

  it('is well-formed XML', () => {
    expect(xmlProblems(text)).toEqual([]);
  });

  it("gives the chunk folders of every shard the hashed files' headers, on top of the site's", () => {
    const locations = at(parse(text).configuration, 'location') as unknown as Node[];
    expect(locations.map((l) => l.path)).toEqual([
      'nam-2024-2025/index',
      'nam-2024-2025/fragment',
      'nam-2024-2025/filter',
      'khong-ro-nam/index',
      'khong-ro-nam/fragment',
      'khong-ro-nam/filter',
    ]);
    for (const location of locations) {
      const customHeaders = at(location, 'system.webServer', 'httpProtocol', 'customHeaders');
      expect(applyCustomHeaders(customHeaders, site!.headers)).toEqual(pagefind.headers);
    }
    expect(pagefind.headers['Cache-Control']).toBe(IMMUTABLE_CACHE);
  });
});

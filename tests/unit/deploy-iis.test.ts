/**
 * The IIS recipe (src/publishing/deploy/iis.ts): no IIS runs on this machine, so the `web.config`
 * is checked as XML (well-formed, proven on broken files first) and for the elements IIS needs:
 * the default document, the content types of Pagefind's files (IIS refuses unknown extensions),
 * the custom headers of every response class, the 404 page under the base path.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { iisWebConfig } from '#src/publishing/deploy/iis.ts';
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

const ordered = new XMLParser({ preserveOrder: true, ignoreDeclaration: true });

/**
 * Well-formed XML: fast-xml-parser's validator for the structure, and checks of its own for what
 * that validator lets through: entities ("a & b" in an attribute) and more than one root element.
 */
function xmlProblems(text: string): string[] {
  const result = XMLValidator.validate(text);
  if (result !== true) return [`${result.err.code}: ${result.err.msg} (line ${result.err.line})`];
  const problems: string[] = [];
  const roots = (ordered.parse(text) as Node[]).filter((n) => !('#text' in n));
  if (roots.length !== 1) problems.push(`${roots.length} root elements`);
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
  ])('refuses %s', (_name, text) => {
    expect(xmlProblems(text)).not.toEqual([]);
  });

  it('accepts escaped entities', () => {
    expect(xmlProblems('<configuration><a value="a &amp; b &lt; &#233; &quot;" /></configuration>')).toEqual([]);
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
    expect(locations.map((l) => l.path)).toEqual([
      'admin',
      '_astro',
      'pagefind/index',
      'pagefind/fragment',
      'pagefind/filter',
    ]);
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

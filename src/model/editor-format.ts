/**
 * The web editor's file format for entries with a YAML front matter (.md and .mdx articles,
 * unit profiles), registered with Sveltia CMS by the admin page (src/pages/admin/index.astro).
 *
 * Sveltia's own front-matter format writes a whole new file on every save: keys in field order,
 * lists in block style, its own quoting, comments gone, and any field with a default added
 * (`draft: false`). This one keeps the file's own text: the parser hands Sveltia the values and,
 * in a property no field shows (SOURCE_PROPERTY, kept by Sveltia like any key it does not know),
 * the text they came from; the formatter writes back only what changed, into that text (YAML
 * comments, key order, flow lists and quotes of the untouched keys stay as they were). An entry
 * saved with nothing changed is the same file, byte for byte.
 *
 * Pure functions, run in the editor's browser: no Node API. Parsing follows Sveltia's own
 * (the `yaml` package, YAML 1.2, dates stay strings), so the values are those Sveltia would read.
 */
import { parseDocument, stringify } from 'yaml';

/** The names under which the admin page registers this format, by file extension (Sveltia accepts only "…-frontmatter" names for .md and .mdx). */
export const EDITOR_FORMATS = { md: 'md-yaml-frontmatter', mdx: 'mdx-yaml-frontmatter' } as const;

/** The property holding the entry's original text, ignored by every field. */
export const SOURCE_PROPERTY = '__source_text';
/** The body's key, as Sveltia names it. */
const BODY = 'body';

const FRONT_MATTER = /^---\n(?<head>[\s\S]*?)\n---(?<tail>\n[\s\S]*)?$/;

interface Split {
  head: string;
  /** Everything after the closing "---", as written. */
  tail: string;
  body: string;
}

/** A file's front matter and body, as Sveltia splits them (the blank line after "---" not in the body). */
function split(text: string): Split | undefined {
  const groups = FRONT_MATTER.exec(text)?.groups;
  if (!groups) return undefined;
  const tail = groups.tail ?? '';
  return { head: groups.head ?? '', tail, body: tail.replace(/^\n\n?/, '') };
}

/** Structural equality of parsed YAML values (plain objects, arrays, scalars). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && sameValue((a as Content)[k], (b as Content)[k]));
}

type Content = Record<string, unknown>;

/** The values of a front-matter file, and its text under SOURCE_PROPERTY. */
export function parseEntryText(text: string): Content {
  const parts = split(text);
  if (!parts) return { [BODY]: text, [SOURCE_PROPERTY]: text };
  const data = parseDocument(parts.head).toJS() as unknown;
  const head = data && typeof data === 'object' && !Array.isArray(data) ? (data as Content) : {};
  return { ...head, [BODY]: parts.body, [SOURCE_PROPERTY]: text };
}

/** A value that says nothing: a field Sveltia fills with its default or leaves empty. */
const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  value === '' ||
  value === false ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && Object.values(value).every(isEmpty));

const YAML_OPTIONS = {
  lineWidth: 0,
  indent: 2,
  indentSeq: true,
  singleQuote: true,
  flowCollectionPadding: false,
} as const;

/** A new file, written as Sveltia writes one. */
function freshText(data: Content, body: string): string {
  if (Object.keys(data).length === 0) return `${body}\n`;
  const head = stringify(data, YAML_OPTIONS).trimEnd();
  return `---\n${head}\n---\n${body ? `\n${body}\n` : ''}`;
}

/**
 * The file for the values Sveltia saves: the original text with only the changed keys (and the
 * body, if changed) rewritten; a new file when there is no original.
 *
 * A key the file does not have is not added for an empty value or `false` (a default Sveltia
 * fills in, meaning what the missing key means); a key Sveltia leaves out is removed from the
 * file only if the file gave it a value (an empty one, left out as empty, stays).
 */
export function formatEntryText(content: Content): string {
  const { [SOURCE_PROPERTY]: source, [BODY]: rawBody, ...data } = content;
  const body = typeof rawBody === 'string' ? rawBody : '';
  const original = typeof source === 'string' ? split(source) : undefined;
  if (typeof source !== 'string' || !original) return freshText(data, body);

  const doc = parseDocument(original.head);
  const before = doc.toJS() as unknown;
  if (doc.errors.length > 0 || !before || typeof before !== 'object' || Array.isArray(before))
    return freshText(data, body);
  const old = before as Content;

  let headChanged = false;
  for (const [key, value] of Object.entries(data)) {
    if (sameValue(old[key], value)) continue;
    if (!(key in old) && isEmpty(value)) continue;
    if (key in old && isEmpty(old[key]) && isEmpty(value)) continue;
    doc.set(key, value);
    headChanged = true;
  }
  for (const key of Object.keys(old)) {
    if (key in data || isEmpty(old[key])) continue;
    doc.delete(key);
    headChanged = true;
  }
  const bodyChanged = body !== original.body;
  if (!headChanged && !bodyChanged) return source;

  const head = headChanged ? doc.toString(YAML_OPTIONS).trimEnd() : original.head;
  const tail = bodyChanged ? (body ? `\n\n${body}\n` : '\n') : original.tail;
  return `---\n${head}\n---${tail}`;
}

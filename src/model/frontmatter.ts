/**
 * The one YAML reading of content files, the same as Astro's: js-yaml's `load` with its default
 * schema (YAML 1.1 timestamps: an unquoted `2023-03-10` is a date; `0b101` is 5), the frontmatter
 * found by the same pattern as @astrojs/internal-helpers/frontmatter (which Astro's Markdown and
 * MDX entry types call) and YAML data files read like Astro's data entry type
 * (astro/dist/core/config/settings.js). The content guard, `npm run check:content`, the
 * scaffolder's self-check and the publication filter of the loaders all read files here, so they
 * never disagree with the build about what a file says (tests/unit/frontmatter.test.ts compares it
 * with Astro's own parseFrontmatter).
 */
import * as jsYaml from 'js-yaml';
import { DEFAULT_SCHEMA, load, Type, YAMLException } from 'js-yaml';

// js-yaml exports its built-in types at runtime; @types/js-yaml does not declare them.
const { types } = jsYaml as unknown as { types: { timestamp: Type } };

/** Astro's frontmatter pattern (internal-helpers/frontmatter.js, frontmatterRE), TOML excluded. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

export interface Frontmatter {
  /** The parsed data ({} when the block is empty or not a mapping, as Astro has it). */
  data: Record<string, unknown>;
  /** The Markdown after the closing "---". */
  body: string;
  /** Line (1-based) of the file where `body` starts. */
  bodyLine: number;
}

/** A YAML syntax error, with the line of the file (1-based) where the parser stopped. */
export class YamlSyntaxError extends Error {
  override name = 'YamlSyntaxError';
  readonly reason: string;
  readonly line: number | undefined;
  constructor(reason: string, line: number | undefined) {
    super(reason);
    this.reason = reason;
    this.line = line;
  }
}

/**
 * The text each timestamp was read from. js-yaml turns an unquoted `2023-02-30` into 2 March
 * (Date.UTC rolls the day over), so the guard must see what was written to refuse it. The schema
 * below is Astro's (DEFAULT_SCHEMA) with the same timestamp type, which only also records its
 * source: the values read are exactly Astro's.
 */
const timestampSources = new WeakMap<Date, string>();
const recordingTimestamp = new Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: types.timestamp.resolve,
  construct: (source: string) => {
    const date = types.timestamp.construct(source) as Date;
    timestampSources.set(date, source);
    return date;
  },
  instanceOf: Date,
  represent: types.timestamp.represent as (data: object) => string,
});
// Same tag and kind: js-yaml replaces the built-in timestamp type in place.
const SCHEMA = DEFAULT_SCHEMA.extend({ implicit: [recordingTimestamp] });

/** What a date read from YAML was written as ("2023-02-30"), if it was read here. */
export const timestampSource = (date: Date): string | undefined => timestampSources.get(date);

const countLines = (text: string) => text.split('\n').length - 1;

function yamlLoad(text: string, firstLine: number): unknown {
  try {
    return load(text, { schema: SCHEMA });
  } catch (error) {
    if (error instanceof YAMLException)
      throw new YamlSyntaxError(error.reason || error.message, error.mark ? error.mark.line + firstLine : undefined);
    throw error;
  }
}

/** A YAML data file (content/awards/*.yaml), as Astro's data entry type reads it. */
export function readYaml(text: string): unknown {
  return yamlLoad(text, 1);
}

/**
 * A Markdown file's frontmatter and body, or undefined when it has no frontmatter block.
 * Throws YamlSyntaxError with the file's line on a YAML error.
 */
export function readFrontmatter(text: string): Frontmatter | undefined {
  const m = FRONTMATTER.exec(text);
  if (!m) return undefined;
  const raw = m[1]!;
  // The raw block starts right after the opening "---", on that line.
  const openingLine = countLines(text.slice(0, m.index + m[0].indexOf('---'))) + 1;
  const parsed = yamlLoad(raw, openingLine);
  const end = m.index + m[0].length;
  // Astro keeps the rest of the closing line in the body; the body starts on the next line.
  const rest = text.slice(end);
  const body = rest.replace(/^[^\S\n]*\r?\n/, '');
  return {
    data: parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {},
    body,
    bodyLine: countLines(text.slice(0, end + (rest.length - body.length))) + 1,
  };
}

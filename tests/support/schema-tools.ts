/**
 * Test doubles for the Astro pieces the schema factories need (src/model/schemas/types.ts), and a
 * small loader that reads a content tree the way the collections do, so that schemas and
 * integrity checks can run on real files without an Astro build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { awardSchema } from '#src/model/schemas/award.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import type { SchemaTools } from '#src/model/schemas/types.ts';
import { installEditorMessages } from '#src/model/issue-messages.ts';
import { unitSchema } from '#src/model/schemas/unit.ts';
import type { AwardEntry, NewsEntry, RawContent, UnitEntry } from '#src/model/content-model.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

type Collection = 'news' | 'awards' | 'units';

/** Like astro:content's reference(): an id string becomes { id, collection }. */
export const reference = (collection: Collection) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? { id: value, collection } : value),
    z.object({ id: z.string(), collection: z.literal(collection) }),
  );

/** Like the schema context's image(): here a path string is enough. */
export const image = () => z.string();

export const tools: SchemaTools = { reference, image };

// The Vietnamese error map, installed as src/content.config.ts does where the collections are defined.
installEditorMessages(z as unknown as Parameters<typeof installEditorMessages>[0]);

export const schemas = {
  news: newsSchema(tools),
  awards: awardSchema(tools),
  units: unitSchema(tools),
};

export interface Issue {
  /** Dotted path: "conferredBy.level", "recipients", "publishedAt". */
  path: string;
  message: string;
}

/** Parse with a schema and return its issues as dotted paths with messages (empty when valid). */
export function issuesOf(schema: z.ZodType, data: unknown): Issue[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Split a Markdown file into its YAML frontmatter data and body. */
export function readMarkdown(file: string): { data: unknown; body: string } {
  const text = readFileSync(file, 'utf8');
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error(`${file}: no frontmatter`);
  return { data: parseYaml(m[1]!), body: m[2]! };
}

export interface LoadedContent {
  raw: RawContent;
  /** Schema problems per file (relative path → issues). Empty when every file is valid. */
  invalid: Record<string, Issue[]>;
}

/** Read and validate a content tree (content/ by default) with the real schemas. */
export function loadContentTree(root = join(projectRoot, 'content')): LoadedContent {
  const invalid: Record<string, Issue[]> = {};
  const load = <E>(collection: Collection, pattern: RegExp): E[] => {
    const dir = join(root, collection);
    const out: E[] = [];
    for (const name of readdirSync(dir).sort()) {
      if (!pattern.test(name)) continue;
      const file = join(dir, name);
      const filePath = relative(projectRoot, file);
      const { data, body } =
        collection === 'awards' ? { data: parseYaml(readFileSync(file, 'utf8')), body: undefined } : readMarkdown(file);
      const result = schemas[collection].safeParse(data);
      if (!result.success) {
        invalid[filePath] = result.error.issues.map((i) => ({
          path: i.path.map(String).join('.'),
          message: i.message,
        }));
        continue;
      }
      out.push({ id: name.replace(pattern, ''), data: result.data, filePath, body } as E);
    }
    return out;
  };
  return {
    raw: {
      news: load<NewsEntry>('news', /\.mdx?$/),
      awards: load<AwardEntry>('awards', /\.ya?ml$/),
      units: load<UnitEntry>('units', /\.mdx?$/),
    },
    invalid,
  };
}

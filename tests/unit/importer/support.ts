/** Shared helpers for the importer tests: temp content trees, schema checks, MDX parse-back. */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { awardSchema } from '#src/model/schemas/award.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import { tools } from '../../support/schema-tools.ts';
import { projectRoot } from '../../../scripts/lib/paths.ts';

/** The five seed articles (scraped from union portals), kept in the repository. */
export const SEEDS = join(projectRoot, 'tests/fixtures/seeds');
export const FIXTURES = join(projectRoot, 'tests/fixtures/import');

/** A fresh content tree in a temp folder with the given fixture units. */
export function tempContent(units: 'seed-units' | 'units' = 'seed-units'): {
  root: string;
  news: string;
  awards: string;
} {
  const root = mkdtempSync(join(tmpdir(), 'import-test-'));
  cpSync(join(FIXTURES, units), join(root, 'units'), { recursive: true });
  return { root, news: join(root, 'news'), awards: join(root, 'awards') };
}

export function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no frontmatter');
  return { data: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]! };
}

/** Validate an article file against the news schema; returns the issues (empty when valid). */
export function newsIssues(path: string): string[] {
  const { data } = splitFrontmatter(readFileSync(path, 'utf8'));
  const r = newsSchema(tools).safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

export function awardIssues(path: string): string[] {
  const r = awardSchema(tools).safeParse(parseYaml(readFileSync(path, 'utf8')));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

interface Node {
  type: string;
  children?: Node[];
}
function types(node: Node, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const c of node.children ?? []) types(c, out);
  return out;
}

/** Node types of a body parsed back as MDX (throws when it would not compile) and as plain Markdown. */
export function parseBack(body: string): { mdx: Set<string>; md: Set<string> } {
  const mdx = unified().use(remarkParse).use(remarkMdx).parse(body) as Node;
  const md = unified().use(remarkParse).parse(body) as Node;
  return { mdx: types(mdx), md: types(md) };
}

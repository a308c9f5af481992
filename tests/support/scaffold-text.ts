import { parse } from 'yaml';

/** Split Markdown text into its YAML frontmatter data and body. */
export function readMarkdownText(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!m) throw new Error('no frontmatter');
  return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

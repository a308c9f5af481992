/**
 * Article and award records → file text. The body is serialised from a Markdown syntax tree
 * with remark-stringify and the MDX extension, so "{", "<" and any other character of old
 * text are escaped and can never break the build (as .md or as .mdx).
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as toYaml } from 'yaml';

const processor = unified()
  .use(remarkGfm)
  .use(remarkMdx)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true, listItemIndent: 'one' });

export function bodyToMarkdown(body: Root): string {
  const md = String(processor.stringify(body)).normalize('NFC');
  // A paragraph that starts with "import"/"export" would be read as an MDX ES module and
  // fail the build; its first letter as a character reference renders the same in .md and .mdx.
  return md.replace(
    /(^|\n\n)(import|export)(?=[\s{*])/g,
    (_m, lead: string, word: string) => `${lead}&#x${word.charCodeAt(0).toString(16)};${word.slice(1)}`,
  );
}

// Every string value double-quoted: unquoted, a title such as 2023-03-10 or 0b101 is read by
// Astro's YAML parser (js-yaml, YAML 1.1) as a date or a number and fails the build.
const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

export function frontmatter(data: Record<string, unknown>): string {
  return `---\n${toYaml(data, YAML_OPTIONS)}---\n`;
}

export function yamlDocument(data: Record<string, unknown>, comment?: string): string {
  return `${
    comment
      ? `${comment
          .split('\n')
          .map((l) => `# ${l}`)
          .join('\n')}\n`
      : ''
  }${toYaml(data, YAML_OPTIONS)}`;
}

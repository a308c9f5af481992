/** The text of the generated files: YAML for award records, Markdown with front matter for the rest. */
import { stringify } from 'yaml';

/** YAML without line folding, so that long Vietnamese sentences stay on one line. */
export function yamlDocument(data: object): string {
  return stringify(data, { lineWidth: 0 });
}

/** A Markdown (or MDX) file: front matter, a blank line, the body. */
export function markdownDocument(frontMatter: object, body: string): string {
  return `---\n${yamlDocument(frontMatter)}---\n\n${body}\n`;
}

/** The fields that have a value, in their order (the files leave the others out). */
export function definedOnly<T extends object>(fields: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

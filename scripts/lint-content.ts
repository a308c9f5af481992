#!/usr/bin/env node
/**
 * Content lint for editors (src/editor/content-lint.ts): advice on every article and unit profile,
 * in Vietnamese, with file and line. Exits 0 with warnings; non-zero only with --strict.
 *
 *   npm run lint:content                      # content/ (or $CONTENT_DIR)
 *   npm run lint:content -- --strict          # fail on any warning (CI)
 *   npm run lint:content -- --fix             # rewrite non-NFC files as NFC first
 *   npm run lint:content -- path/to/content   # another content tree
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatWarning, lintMarkdown, type LintWarning, type UnitName } from '#src/editor/content-lint.ts';
import { routes } from '#src/site/routes.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const fix = args.includes('--fix');
const contentDir = resolve(projectRoot, args.find((a) => !a.startsWith('--')) ?? process.env.CONTENT_DIR ?? 'content');

const markdownFiles = (dir: string): string[] => {
  try {
    return (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.mdx?$/.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
};
const rel = (file: string) => relative(projectRoot, file).split(sep).join('/');
const idOf = (file: string, dir: string) =>
  relative(dir, file)
    .replace(/\.mdx?$/, '')
    .split(sep)
    .join('/');

function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) return {};
  try {
    return (parseYaml(m[1]!) as Record<string, unknown>) ?? {};
  } catch {
    return {}; // the build's content guard reports YAML errors
  }
}

const unitsDir = join(contentDir, 'units');
const newsDir = join(contentDir, 'news');
const files = [...markdownFiles(newsDir), ...markdownFiles(unitsDir)];

let fixed = 0;
if (fix) {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (text !== text.normalize('NFC')) {
      writeFileSync(file, text.normalize('NFC'));
      console.log(`${rel(file)}: đã chuyển sang dạng dựng sẵn (NFC).`);
      fixed++;
    }
  }
}

const units: UnitName[] = markdownFiles(unitsDir).map((file) => {
  const data = frontmatter(readFileSync(file, 'utf8'));
  const id = idOf(file, unitsDir);
  const names = [data.name, data.shortName, ...(Array.isArray(data.aliases) ? data.aliases : [])].filter(
    (n): n is string => typeof n === 'string',
  );
  return { id, names, href: routes.unit(id) };
});

const warnings: LintWarning[] = [];
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  const selfUnitId = file.startsWith(unitsDir + sep) ? idOf(file, unitsDir) : undefined;
  try {
    warnings.push(...lintMarkdown(source, { file: rel(file), units, ...(selfUnitId ? { selfUnitId } : {}) }));
  } catch (error) {
    warnings.push({
      file: rel(file),
      line: 1,
      rule: 'syntax',
      message: `Không đọc được tệp: ${(error as Error).message}`,
    });
  }
}

for (const w of warnings) console.log(formatWarning(w));
const summary = `${files.length} tệp, ${warnings.length} cảnh báo${fix ? `, ${fixed} tệp đã sửa NFC` : ''}.`;
if (warnings.length && strict) {
  console.error(`${summary} Chế độ --strict: có cảnh báo nên dừng lại (lint failed).`);
  process.exit(1);
}
console.log(summary);

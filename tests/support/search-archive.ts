/**
 * A quick archive of many articles: the bundled content tree (units, awards and the five seed
 * articles) plus `count` copies of the seed articles with their own titles and dates, spread over
 * 2010–2025; a CONTENT_DIR for scripts/build.mjs. For tests that need many pages of a known shape
 * (pagination); a realistic archive (hierarchy, lineage, varied text) is
 * scripts/lib/synthetic-archive/.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { projectRoot } from '../../scripts/lib/paths.ts';

export interface GeneratedArchive {
  dir: string;
  /** Every article (seed and generated): id and full Markdown source. */
  articles: { id: string; source: string }[];
}

export function writeSearchArchive(
  dir: string,
  count: number,
  contentDir = join(projectRoot, 'content'),
): GeneratedArchive {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const sub of readdirSync(contentDir)) cpSync(join(contentDir, sub), join(dir, sub), { recursive: true });
  const newsDir = join(dir, 'news');
  const seeds = readdirSync(newsDir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.mdx?$/, ''), source: readFileSync(join(newsDir, f), 'utf8') }));
  if (!seeds.length) throw new Error(`No seed articles in ${newsDir}`);
  const articles = [...seeds];
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length]!;
    const year = 2010 + (i % 16);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const id = `luu-tru-${String(i).padStart(5, '0')}-${seed.id.slice(0, 40)}`;
    const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(seed.source);
    if (!match) throw new Error(`Seed article ${seed.id} has no front matter`);
    const data = parse(match[1]!) as Record<string, unknown>;
    // Distinct titles and dates; everything else (units, tags, body) as in the seed.
    data.title = `${String(data.title)} (bài ${i + 1})`;
    data.publishedAt = `${year}-${month}-${day}T08:00:00+07:00`;
    delete data.updatedAt;
    delete data.awards; // award records point back to the seed articles only
    const source = `---\n${stringify(data)}---\n${match[2]}`;
    writeFileSync(join(newsDir, `${id}.md`), source);
    articles.push({ id, source });
  }
  return { dir, articles };
}

/**
 * A realistic synthetic content tree for benchmarks and large-archive tests (issues 3 and 6).
 *
 * `generateArchive({ dir, articles, units, awards, seed })` writes, deterministically from `seed`:
 *   <dir>/units/*.md    a union hierarchy (units.ts): Tổng Liên đoàn → provincial federations and
 *                       national sector unions → unions above the base → base unions → sub-units,
 *                       plus state agencies, with the 2025 provincial mergers as lineage
 *                       (predecessor/successor, dissolvedOn) and some renamed base unions;
 *   <dir>/awards/*.yaml award records (awards.ts) conferred by a unit above the recipient (or a
 *                       named authority), with decisions, campaigns, a few revoked and draft ones,
 *                       half of them announced by an article that lists them back;
 *   <dir>/news/*.md|mdx articles (articles.ts, article-text.ts) whose text is taken from the seed
 *                       articles in tests/fixtures/seeds (seed-text.ts: NFC, no no-break spaces,
 *                       hard wraps joined, portal chrome dropped), mixed with unit names, people
 *                       and figures so the vocabulary grows with the archive as a real one does; a
 *                       share `mdxShare` uses a component and is written as .mdx (plain Markdown is
 *                       always .md, as the web editor writes it); a share has a hero image from
 *                       <dir>/news/images/ (images.ts) with alt text; a few are drafts, scheduled
 *                       or undated.
 * Every file validates against src/model/schemas/*.ts and passes the integrity checks of
 * src/model/content-model.ts (for a build clock from 2026 on). `dir` is the content root: point a
 * build at it with CONTENT_DIR=<dir>. The command line is cli.ts.
 *
 * One random source (random.ts) is drawn from in a fixed order: units, the popularity of units,
 * images, article plans, awards, article text. Changing that order changes every archive.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { UnitLevel } from '#src/model/vocabulary.ts';
import { articleMarkdown } from './article-text.ts';
import { articlesByUnit, planArticles, unitsByPopularity, type GeneratedArticle } from './articles.ts';
import { planAwards, type GeneratedAward } from './awards.ts';
import { COLLECTIONS, idsInTree } from './ids.ts';
import { writeImages } from './images.ts';
import { makeRandom } from './random.ts';
import { defaultSeedsDir, loadSeedParagraphs } from './seed-text.ts';
import type { GeneratorState } from './state.ts';
import { planUnits, unitDirectory, unitMarkdown, type UnitDirectory } from './units.ts';

export { makeRandom } from './random.ts';
export { cleanSeed } from './seed-text.ts';
export type { GeneratedArticle } from './articles.ts';
export type { GeneratedAward } from './awards.ts';

export interface ArchiveOptions {
  /** Content root to write (news/, units/, awards/ inside). Emptied first. */
  dir: string;
  /** Number of news articles. */
  articles: number;
  /** Number of unit profiles (at least 8; default: about one per 20 articles, 40–500). */
  units?: number;
  /** Number of award records (default: 0.3 per article). */
  awards?: number;
  /** Seed of the pseudo-random choices (default 1). Same options → same bytes. */
  seed?: number;
  /** Share of articles that use a component, written as .mdx (default 0.05). */
  mdxShare?: number;
  /** Distinct hero images in news/images/ (default 12). */
  images?: number;
  /** Share of articles with a hero image (default 0.3). */
  heroShare?: number;
  /** A content tree copied in first (e.g. the bundled content/); generated ids never clash with it. */
  base?: string;
  /** Where the seed articles are (default tests/fixtures/seeds, or SEEDS_DIR). */
  seedsDir?: string;
}

export interface GeneratedUnit {
  id: string;
  name: string;
  level: UnitLevel;
  parent?: string | undefined;
  province?: string | undefined;
}

export interface GeneratedArchive {
  dir: string;
  articles: GeneratedArticle[];
  units: GeneratedUnit[];
  awards: GeneratedAward[];
  images: string[];
}

export async function generateArchive(options: ArchiveOptions): Promise<GeneratedArchive> {
  const { articles: articleCount, seed = 1, mdxShare = 0.05, images: imageCount = 12, heroShare = 0.3 } = options;
  if (!Number.isInteger(articleCount) || articleCount < 0)
    throw new Error(`articles must be a whole number ≥ 0, got ${articleCount}`);
  const unitCount = Math.max(8, options.units ?? Math.min(500, Math.max(40, Math.round(articleCount / 20))));
  const awardCount = options.awards ?? Math.round(articleCount * 0.3);
  const rnd = makeRandom(seed);
  const paragraphs = loadSeedParagraphs(options.seedsDir ?? defaultSeedsDir());
  const root = prepareContentRoot(options.dir, options.base);
  const state: GeneratorState = { rnd, paragraphs, taken: idsInTree(root) };

  const directory = unitDirectory(planUnits(unitCount, state));
  writeUnits(root, directory, state);
  const popular = unitsByPopularity(directory, rnd);
  const wantImages = imageCount > 0 && articleCount > 0;
  const images = wantImages ? await writeImages(join(root, 'news', 'images'), imageCount, rnd) : [];
  const shares = { mdxShare, heroShare, hasImages: images.length > 0 };
  const articles = planArticles(articleCount, popular, state, directory, shares);
  const awards = planAwards(awardCount, state, directory, articlesByUnit(articles));
  for (const award of awards) writeFileSync(join(root, 'awards', `${award.summary.id}.yaml`), award.yaml);
  for (const article of articles) writeFileSync(join(root, article.file), articleMarkdown(article, state, images));

  return {
    dir: root,
    articles: articles.map(({ unit: _u, year: _y, ...rest }) => rest),
    units: directory.units.map((u) => ({
      id: u.id,
      name: u.name,
      level: u.level,
      parent: u.parent,
      province: u.province,
    })),
    awards: awards.map((a) => a.summary),
    images: images.map((n) => `news/images/${n}`),
  };
}

/** Empty `dir` and make news/, units/ and awards/ in it, after copying in the `base` tree if any. */
function prepareContentRoot(dir: string, base: string | undefined): string {
  const root = resolve(dir);
  rmSync(root, { recursive: true, force: true });
  for (const collection of COLLECTIONS) mkdirSync(join(root, collection), { recursive: true });
  if (base) for (const sub of readdirSync(base)) cpSync(join(base, sub), join(root, sub), { recursive: true });
  return root;
}

function writeUnits(root: string, directory: UnitDirectory, state: GeneratorState): void {
  for (const unit of directory.units) {
    const parent = unit.parent ? directory.byId.get(unit.parent) : undefined;
    writeFileSync(join(root, 'units', `${unit.id}.md`), unitMarkdown(unit, parent, state));
  }
}

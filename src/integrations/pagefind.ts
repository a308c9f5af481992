/**
 * Astro integration: build the Pagefind search index after every production build.
 *
 * Runs in `astro:build:done` on the folder Astro just wrote (the build's staging folder when
 * scripts/build.mjs passes --outDir), so the index is published together with the pages, never
 * through public/. Every HTML page is handed to Pagefind as it is, plus search-only extras that
 * are not published (see src/search/fold.ts): the `dfold` metadata that makes tone-free
 * queries with "d" find words written with "đ", and a fallback date sort key.
 * Any indexing error fails the build, so a site is never published with a broken search.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { dFoldField, extractIndexedText, withSearchExtras } from '#src/search/fold.ts';

export interface PagefindIntegrationOptions {
  /** Index language (pages carry lang="vi"; forcing it keeps stray pages in one index). */
  language?: string;
  /** Folder inside the build output for the search bundle. */
  bundleDir?: string;
  /** Add the d-folded words field (default true; false only to measure what it costs). */
  dFold?: boolean;
}

export class SearchIndexError extends Error {
  override name = 'SearchIndexError';
}

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('pagefind') && entry.name !== '_astro') yield* htmlFiles(path);
    } else if (entry.isFile() && entry.name.endsWith('.html')) {
      yield path;
    }
  }
}

/** Index every page under `outDir` and write the bundle to `<outDir>/<bundleDir>`. */
export async function buildSearchIndex(
  outDir: string,
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
  { language = 'vi', bundleDir = 'pagefind', dFold = true }: PagefindIntegrationOptions = {},
): Promise<{ pages: number; undated: number; folded: number }> {
  const started = performance.now();
  const fail = (what: string, errors: string[]) => {
    throw new SearchIndexError(`Pagefind could not ${what}:\n  ${errors.join('\n  ')}`);
  };
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
    if (!index || errors.length) fail('start', errors);
    let pages = 0;
    let undated = 0;
    let folded = 0;
    const undatedExamples: string[] = [];
    const pending: Promise<void>[] = [];
    const bodyless: string[] = [];
    const add = async (file: string, wholePage: boolean) => {
      const html = await readFile(file, 'utf8');
      // Pages that ask search engines not to index them (the search page itself) stay out too.
      if (/<meta\s+name=["']robots["']\s+content=["'][^"']*noindex/i.test(html)) return;
      // Pagefind skips pages without data-pagefind-body once any page has one; so do we.
      if (!wholePage && !html.includes('data-pagefind-body')) {
        bodyless.push(file);
        return;
      }
      const extracted = extractIndexedText(html);
      const sourcePath = relative(outDir, file).split(sep).join('/');
      const dfold = dFold ? dFoldField(extracted.text) : '';
      const addDateSort = !extracted.hasDateSort;
      const response = await index!.addHTMLFile({
        sourcePath,
        content: withSearchExtras(html, { dfold, addDateSort }),
      });
      if (response.errors.length) fail(`index ${sourcePath}`, response.errors);
      pages++;
      if (dfold) folded++;
      if (addDateSort) {
        undated++;
        if (undatedExamples.length < 5) undatedExamples.push(sourcePath);
      }
    };
    for await (const file of htmlFiles(outDir)) {
      pending.push(add(file, false));
      // Bounded concurrency: the Pagefind service parses in parallel, we only keep it fed.
      if (pending.length >= 32) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending.splice(0));
    if (pages === 0) {
      // No page marks its main content yet: index whole pages, as Pagefind itself would.
      logger.warn(
        'No page carries data-pagefind-body: indexing whole pages, navigation included. Mark the main content of articles, units and awards.',
      );
      for (const file of bodyless) {
        pending.push(add(file, true));
        if (pending.length >= 32) await Promise.all(pending.splice(0));
      }
      await Promise.all(pending.splice(0));
    }
    if (undated) {
      logger.warn(
        `${undated} indexed page(s) have no date sort key; given ${'0000-00-00'} so "newest first" keeps them (last). ` +
          `E.g. ${undatedExamples.join(', ')}`,
      );
    }
    const written = await index!.writeFiles({ outputPath: join(outDir, bundleDir) });
    if (written.errors.length) fail('write the index', written.errors);
    logger.info(
      `Search index: ${pages} pages (${folded} with d-folded words) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${bundleDir}/`,
    );
    return { pages, undated, folded };
  } catch (cause) {
    if (cause instanceof SearchIndexError) throw cause;
    throw new SearchIndexError(`Building the search index failed: ${(cause as Error)?.message ?? cause}`, { cause });
  } finally {
    await pagefind.close();
  }
}

export default function pagefindIntegration(options: PagefindIntegrationOptions = {}): AstroIntegration {
  return {
    name: 'congdoan:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), logger, options);
      },
    },
  };
}

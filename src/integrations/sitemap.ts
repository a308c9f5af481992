/**
 * Astro integration: write sitemap-index.xml and sitemap-N.xml after the build, listing every
 * public page the build wrote and the open-data files (src/publishing/sitemap.ts decides which), so the sitemap can never
 * disagree with the site: no draft, no scheduled article, no admin, no 404, no noindex page.
 * Only the head of each page is read (noindex lives there), so this stays cheap at news scale.
 */
import type { AstroIntegration } from 'astro';
import { open, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  absoluteUrl,
  hasNoindex,
  isOpenDataFile,
  isSitemapPath,
  pathOfHtmlFile,
  sitemapFiles,
  sitemapIndexXml,
  urlsetXml,
} from '#src/publishing/sitemap.ts';
import { joinBase } from '#src/site/routes.ts';

/** The HTML pages and the open-data files (CSV, JSON) of the build. */
async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('pagefind') && entry.name !== '_astro' && entry.name !== 'admin')
        yield* htmlFiles(path);
    } else if (entry.isFile() && /\.(html|csv|json)$/.test(entry.name)) yield path;
  }
}

async function readHead(file: string, bytes = 16_384): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

export default function sitemap(): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'congdoan:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!site) throw new Error('The sitemap needs `site` in astro.config.mjs (the public address of the site).');
        const outDir = fileURLToPath(dir);
        const paths: string[] = [];
        let skipped = 0;
        const batch: Promise<void>[] = [];
        const check = async (file: string) => {
          const rel = relative(outDir, file);
          if (!rel.endsWith('.html')) {
            if (isOpenDataFile(rel)) paths.push(pathOfHtmlFile(rel));
            return;
          }
          const path = pathOfHtmlFile(rel);
          if (!isSitemapPath(path) || hasNoindex(await readHead(file))) skipped++;
          else paths.push(path);
        };
        for await (const file of htmlFiles(outDir)) {
          batch.push(check(file));
          if (batch.length >= 64) await Promise.all(batch.splice(0));
        }
        await Promise.all(batch);
        paths.sort();
        // The build folder holds the site from its base path: "/tin-tuc/" is served at "/congdoan/tin-tuc/".
        const files = sitemapFiles(paths.map((p) => absoluteUrl(joinBase(base, p), site!)));
        await Promise.all(files.map((f) => writeFile(join(outDir, f.name), urlsetXml(f.urls))));
        await writeFile(
          join(outDir, 'sitemap-index.xml'),
          sitemapIndexXml(files.map((f) => absoluteUrl(joinBase(base, f.name), site!))),
        );
        logger.info(
          `sitemap-index.xml: ${paths.length} pages in ${files.length} file(s); ${skipped} left out (admin, 404, noindex).`,
        );
      },
    },
  };
}

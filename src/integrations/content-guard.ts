/**
 * Astro integration: run the content guard (src/editor/content-guard.ts) at the start of every
 * production build, before Astro's content sync. A tree with problems stops the build with one
 * message per problem (file → field: what is wrong and how to fix it), reported without a stack
 * trace by scripts/lib/publish/astro-build.ts; scripts/build.mjs then leaves the published dist/
 * as it was. `astro dev` is left alone: there, Astro's overlay shows
 * errors while the editor types, and getSite() still runs the integrity check.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContentTree, ContentGuardError, type FileCheck } from '#src/editor/content-guard.ts';
import { GuardCache, guardCodeVersion } from '#src/editor/guard-cache.ts';
import { buildNow } from '#src/model/clock.ts';

export { ContentGuardError };

export default function contentGuard(): AstroIntegration {
  let command = 'build';
  return {
    name: 'congdoan:content-guard',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config, logger }) => {
        if (command !== 'build') return;
        // The content folder as src/content.config.ts sees it (relative to Astro's root); file
        // names in messages relative to where the build was started (an isolated build's root,
        // scripts/lib/isolated-build.ts, is a generated folder the editor never sees).
        const contentDir = resolve(fileURLToPath(config.root), process.env.CONTENT_DIR ?? 'content');
        const started = performance.now();
        // Per-file results of earlier builds, in Astro's cache folder (src/editor/guard-cache.ts).
        const srcDir = fileURLToPath(config.srcDir);
        const version = `${guardCodeVersion(srcDir, resolve(srcDir, '../package-lock.json'))}:${process.cwd()}`;
        const cache = new GuardCache<FileCheck>(fileURLToPath(new URL('content-guard.v8', config.cacheDir)), version);
        const problems = checkContentTree(contentDir, {
          projectRoot: process.cwd(),
          now: buildNow(),
          cache,
          publicDir: fileURLToPath(config.publicDir),
        });
        cache.save();
        // The build's entry (scripts/lib/publish/astro-build.ts) prints the report and a summary.
        if (problems.length) throw new ContentGuardError(problems);
        logger.info(
          `content checked in ${Math.round(performance.now() - started)} ms (${cache.misses} files parsed, ${cache.hits} from the cache)`,
        );
      },
    },
  };
}

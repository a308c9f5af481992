/**
 * `astro build` as scripts/lib/publish/build.ts runs it: through the `astro` package's build()
 * (its JavaScript API) instead of its command line, so that a build that fails ends the way an
 * editor can read it. Astro's command line prints any error with its name, a "Location" and a
 * stack trace of node_modules paths, and logs "An unhandled error occurred while running the …
 * hook" first; here a content error (the content guard's report, a schema, image or MDX error that
 * reaches Astro) ends with the Vietnamese report and a one-line summary (src/editor/messages.ts,
 * failureReport), exit code 1, and the technical detail only with `--verbose` or CONGDOAN_VERBOSE=1.
 *
 * Usage (build.ts checks the flags first, scripts/lib/publish/flags.ts):
 *   node scripts/lib/publish/astro-build.ts --outDir DIR [--root DIR] [--base /x/] [--site URL] [--force] [--verbose|--silent]
 */
import module from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { failureReport, verboseFromEnv } from '#src/editor/messages.ts';

// As Astro's own bin/astro.mjs does: Node's compile cache makes the next start faster.
if (!process.env.CI) module.enableCompileCache?.();

const { values } = parseArgs({
  options: {
    outDir: { type: 'string' },
    root: { type: 'string' },
    base: { type: 'string' },
    site: { type: 'string' },
    force: { type: 'boolean' },
    verbose: { type: 'boolean' },
    silent: { type: 'boolean' },
  },
  strict: true,
});
const verbose = values.verbose === true || verboseFromEnv(process.env);
// --verbose turns on Astro's and Vite's debug logs, as `astro build --verbose` does.
if (values.verbose) process.env.DEBUG ??= 'astro:*,vite:*';

const { build } = await import('astro');
try {
  await build({
    ...(values.root !== undefined ? { root: values.root } : {}),
    ...(values.outDir !== undefined ? { outDir: values.outDir } : {}),
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.site !== undefined ? { site: values.site } : {}),
    ...(values.force ? { force: true } : {}),
    ...(values.verbose ? { logLevel: 'debug' as const } : values.silent ? { logLevel: 'silent' as const } : {}),
    // Astro's console log, less the "unhandled error" line of a hook whose error is reported below
    // and, unless verbose, the stack traces of errors logged while pages render (astro-log.mjs).
    logger: { entrypoint: fileURLToPath(new URL('./astro-log.mjs', import.meta.url)), config: { stacks: verbose } },
  });
} catch (error) {
  const { text } = failureReport(error, {
    consequence: 'bản dựng dừng lại, trang đang xuất bản không bị thay đổi',
    check: 'build failed',
    verbose,
  });
  console.error(text);
  // As Astro's command line does after an error: Vite's workers and watchers may still hold the process.
  process.exit(1);
}

/**
 * Astro integration: the order in which the build renders its pages.
 *
 * Astro renders pages one at a time on one JavaScript thread, route after route. Two kinds of
 * output are produced off that thread: the share images (drawn by sharp on its own threads,
 * src/publishing/share-image.ts) and the dossiers' .docx files (built in a worker thread,
 * src/publishing/dossier-docx.ts). Both start when their route's getStaticPaths runs, which Astro
 * does for every route before rendering the first page. Rendered in Astro's order, the share
 * images came first and the build's thread waited for the drawing. Rendered last, they and the
 * .docx files are made on the second core while every other page renders on the first.
 *
 * The order changes nothing in the output: each page is written to its own file, and the
 * incremental cache is keyed by page (tests/build/incremental.test.ts compares the files).
 * Through Astro's prerenderer hook (astro:build:start, setPrerenderer), wrapping Astro's own.
 *
 * It also names the project's src/ folder to the page code (CONGDOAN_SRC_DIR), which runs from a
 * bundle and needs it to start the .docx worker (src/publishing/dossier-docx-worker.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

/** Routes whose output is made off the build's thread: rendered after every other page. */
export const BACKGROUND_ROUTES: readonly string[] = ['/anh-chia-se/[id].png', '/don-vi/[id]/bang-thanh-tich.docx'];

/** The paths in the same order, except that those of `background` routes come last (stable). */
export function backgroundLast<P extends { route: { route: string } }>(
  paths: readonly P[],
  background: readonly string[] = BACKGROUND_ROUTES,
): P[] {
  const last = new Set(background);
  return [...paths.filter((p) => !last.has(p.route.route)), ...paths.filter((p) => last.has(p.route.route))];
}

export default function renderOrder(): AstroIntegration {
  return {
    name: 'congdoan:render-order',
    hooks: {
      'astro:config:done': ({ config }) => {
        process.env.CONGDOAN_SRC_DIR = fileURLToPath(config.srcDir);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        setPrerenderer((astro) => ({
          ...astro,
          name: 'congdoan:render-order',
          async getStaticPaths() {
            const paths = await astro.getStaticPaths();
            const moved = paths.filter((p) => BACKGROUND_ROUTES.includes(p.route.route)).length;
            logger.info(`${moved} share image and .docx paths rendered last`);
            return backgroundLast(paths);
          },
        }));
      },
    },
  };
}

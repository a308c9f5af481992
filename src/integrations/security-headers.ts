/**
 * Astro integration: write the server files of the build, all from the headers of
 * src/publishing/security-headers.ts (the data behind BaseLayout's <meta http-equiv> too):
 * - `_headers` for static hosts that read it (Cloudflare Pages, Netlify);
 * - `.htaccess` for Apache and `web.config` for IIS (src/publishing/deploy/), for the site's base
 *   path, so a build copied into a folder of either server brings its headers, caching, content
 *   types and 404 page with it. nginx reads no file of the site: `npm run deploy:nginx` writes its
 *   configuration.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { apacheHtaccess } from '#src/publishing/deploy/apache.ts';
import { iisWebConfig } from '#src/publishing/deploy/iis.ts';
import { headersFile } from '#src/publishing/security-headers.ts';

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'congdoan:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const files: [string, string][] = [
          ['_headers', headersFile(undefined, base)],
          ['.htaccess', apacheHtaccess({ base })],
          ['web.config', iisWebConfig({ base })],
        ];
        for (const [name, text] of files) await writeFile(new URL(name, dir), text);
        logger.info(`_headers, .htaccess and web.config written to ${fileURLToPath(dir)}`);
      },
    },
  };
}

/**
 * Astro integration: write the `_headers` file (Content-Security-Policy and the other security
 * headers of src/publishing/security-headers.ts) into the build output, for static hosts that read it.
 * Generated from the same data as BaseLayout's <meta http-equiv>, never copied by hand.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { headersFile } from '#src/publishing/security-headers.ts';

export default function securityHeaders(): AstroIntegration {
  return {
    name: 'congdoan:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(new URL('_headers', dir), headersFile());
        logger.info(`security headers written to ${fileURLToPath(new URL('_headers', dir))}`);
      },
    },
  };
}

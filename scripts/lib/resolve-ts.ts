// Lets plain Node 24 run scripts that import src/ modules, whose relative imports have no
// extension (Vite and Astro resolve them; Node does not): "./vocabulary" → "./vocabulary.ts".
// Import this first; import src/ modules after it, dynamically.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && !/\.[cm]?[jt]s$/.test(specifier) && context.parentURL?.startsWith('file:')) {
      const candidate = new URL(`${specifier}.ts`, context.parentURL);
      if (existsSync(fileURLToPath(candidate))) return next(candidate.href, context);
    }
    return next(specifier, context);
  },
});

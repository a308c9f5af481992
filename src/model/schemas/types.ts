import type { z } from 'astro/zod';

/**
 * What a schema factory needs from Astro: `reference()` from astro:content and the `image()`
 * helper of the schema context. Injected so that tests can build the same schemas with stubs.
 */
export interface SchemaTools {
  reference: (collection: 'news' | 'awards' | 'units') => z.ZodType;
  image: () => z.ZodType;
}

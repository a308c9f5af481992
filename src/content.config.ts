import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { awardSchema } from './schemas/award';
import { newsSchema } from './schemas/news';
import { unitSchema } from './schemas/unit';

/** Where content lives; CONTENT_DIR points a build at another tree (benchmarks, test fixtures). */
const root = (process.env.CONTENT_DIR ?? './content').replace(/\/$/, '');

const news = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${root}/news` }),
  schema: ({ image }) => newsSchema({ reference, image }),
});

const awards = defineCollection({
  loader: glob({ pattern: '**/*.{yaml,yml}', base: `${root}/awards` }),
  schema: awardSchema({ reference }),
});

const units = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${root}/units` }),
  schema: unitSchema({ reference }),
});

export const collections = { news, awards, units };

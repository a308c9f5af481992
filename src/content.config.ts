import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { buildNow } from '#src/model/clock.ts';
import { installEditorMessages } from '#src/model/issue-messages.ts';
import { awardSchema } from '#src/model/schemas/award.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import { unitSchema } from '#src/model/schemas/unit.ts';
import { publishedOnly } from '#src/site/published-entries.ts';

// Vietnamese messages (field, fix, example) for every schema issue the schemas do not word
// themselves: zod's global error map, installed here, where the collections are defined.
// (cast: astro/zod and zod/v4/core resolve the same issue type through two declaration paths)
installEditorMessages(z as unknown as Parameters<typeof installEditorMessages>[0]);

/** Where content lives; CONTENT_DIR points a build at another tree (benchmarks, test fixtures). */
const root = (process.env.CONTENT_DIR ?? './content').replace(/\/$/, '');

// retainBody: false — bodies are rendered (and their reading time computed, src/text/reading-time-plugin.ts)
// when loaded, then not kept: at 10,000 articles they were 40 % of the content store held in memory.
// `astro dev` keeps them (Astro sets NODE_ENV=development there): the preview marks the body's
// links that the build would refuse (src/components/article/PreviewLinkWarnings.astro).
// deferRender in `astro dev`: an article's body is rendered when its page is requested, not all
// of them at start-up (at 10,000 articles, seconds of the preview's start and a much smaller
// content store to load on the next start). Same Markdown processor and plugins (reading time,
// content policy) either way: Astro's Markdown module plugin renders the file on request.
const dev = process.env.NODE_ENV === 'development';
const news = defineCollection({
  // Drafts and scheduled articles bring no images or bodies into a production build.
  loader: publishedOnly(glob({ pattern: '**/*.{md,mdx}', base: `${root}/news`, retainBody: dev, deferRender: dev }), {
    now: buildNow(),
  }),
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

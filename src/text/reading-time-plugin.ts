/**
 * Reading time and word count of an article, computed while its Markdown/MDX is rendered, so the
 * site needs no copy of the body (the news collection has `retainBody: false`, src/content.config.ts:
 * at news scale the bodies were 40 % of Astro's content store, held in memory for the whole build).
 *
 * A Sätteri mdast plugin (astro.config.mjs `markdown.processor`, which MDX extends) reads the
 * source being rendered — the body, as `entry.body` held it (MDX: with its frontmatter blanked,
 * which counts no words) — and stores `readingTime(source)` in the frontmatter Astro hands back
 * from `render(entry)` as `remarkPluginFrontmatter.readingTime`.
 */
import { readingTime, type ReadingTime } from './reading-time.ts';

/** Where the plugin leaves its result in `remarkPluginFrontmatter`. */
export const READING_TIME_FIELD = 'readingTime';

/** What the plugin reads of Sätteri's visitor context (satteri's MdastVisitorContext). */
interface PluginContext {
  readonly source: string;
  readonly data: { astro?: { frontmatter?: Record<string, unknown> } };
}

/** The plugin: `frontmatter.readingTime = readingTime(source)`, once per document. */
export const readingTimePlugin = {
  name: 'congdoan-reading-time',
  before(_root: unknown, ctx: PluginContext): void {
    const astro = (ctx.data.astro ??= {});
    astro.frontmatter ??= {};
    astro.frontmatter[READING_TIME_FIELD] = readingTime(ctx.source);
  },
};

/**
 * The plugin's result from `render(entry).remarkPluginFrontmatter`. Throws when it is missing
 * (the plugin not configured): a page must never show a made-up reading time.
 */
export function readingTimeFrom(frontmatter: Record<string, unknown> | undefined, id: string): ReadingTime {
  const value = frontmatter?.[READING_TIME_FIELD] as Partial<ReadingTime> | undefined;
  if (typeof value?.words !== 'number' || typeof value.minutes !== 'number') {
    throw new Error(
      `No reading time for "${id}": readingTimePlugin (src/text/reading-time-plugin.ts) must be in the Markdown processor's mdastPlugins.`,
    );
  }
  return { words: value.words, minutes: value.minutes };
}

/**
 * The reading-time plugin (src/text/reading-time-plugin.ts) gives, through Sätteri's Markdown
 * pipeline, the same reading time and word count as readingTime(entry.body) did before the news
 * collection stopped keeping bodies: checked on every bundled article and on hand-written cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { readingTime } from '#src/text/reading-time.ts';
import { readingTimeFrom, readingTimePlugin } from '#src/text/reading-time-plugin.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

/** Render like Astro does (data.astro.frontmatter present) and read the plugin's result back. */
function viaPlugin(body: string) {
  const astro = {
    frontmatter: {},
    headings: [],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  };
  const result = markdownToHtml(body, { mdastPlugins: [readingTimePlugin], data: { astro } });
  if (result instanceof Promise) throw new Error('the plugin is synchronous: so must the compile be');
  return readingTimeFrom(result.data.astro?.frontmatter, 'test');
}

const newsDir = join(projectRoot, 'content', 'news');
const bodies = readdirSync(newsDir)
  .filter((f) => /\.mdx?$/.test(f))
  .map((f): [string, string] => [f, readFileSync(join(newsDir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')]);

describe('readingTimePlugin', () => {
  it.each(bodies)('%s: the same as readingTime(body)', (_file, body) => {
    expect(viaPlugin(body)).toEqual(readingTime(body));
  });

  it.each([
    ['plain words', 'một hai ba bốn', 4],
    ['links and emphasis', 'Xem [bài viết](https://x.vn) **mới** nhất', 5],
    ['code blocks left out', 'trước\n\n```js\nconst a = 1;\n```\n\nsau', 2],
    ['an empty body', '', 0],
  ])('%s', (_what, body, words) => {
    expect(viaPlugin(body)).toEqual({ words, minutes: Math.max(1, Math.round(words / 230)) });
  });

  it('a missing result is an error, not a made-up reading time', () => {
    expect(() => readingTimeFrom({}, 'bai-x')).toThrow(/bai-x/);
  });
});

/**
 * The one-way rule between the folders of src/ (scripts/lib/import-boundaries.js, docs/architecture.md)
 * bites: ESLint, with the project's own configuration, refuses an import against the direction,
 * a relative import that climbs out of a folder and an import without its extension, and lets
 * the allowed ones through.
 */
import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../scripts/lib/import-boundaries.js';
import { projectRoot } from '../../scripts/lib/paths.ts';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: projectRoot });
}, 60_000);

/** The messages of no-restricted-imports for one import line placed in `file`. */
async function restrictions(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport { x };\n`, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// ESLint with the typescript and astro parsers takes seconds to load on a busy machine.
describe('import direction between the folders of src/', { timeout: 60_000 }, () => {
  it.each([
    ['src/text/dates.ts', '#src/model/vocabulary.ts', 'against the layer direction'],
    ['src/model/content-model.ts', '#src/site/content.ts', 'against the layer direction'],
    ['src/model/schemas/news.ts', '#src/editor/messages.ts', 'against the layer direction'],
    ['src/site/site-index.ts', '#src/publishing/feed.ts', 'against the layer direction'],
    ['src/site/site-index.ts', '#src/search/state.ts', 'against the layer direction'],
    ['src/publishing/feed.ts', '#src/search/fold.ts', 'against the layer direction'],
    ['src/publishing/feed.ts', '#src/editor/cms-config.ts', 'against the layer direction'],
    ['src/search/fold.ts', '#src/publishing/feed.ts', 'against the layer direction'],
    ['src/editor/scaffold.ts', '#src/site/content.ts', 'against the layer direction'],
    ['src/importer/run.ts', '#src/editor/scaffold.ts', 'against the layer direction'],
    ['src/site/content.ts', '#src/pages/index.astro', 'against the layer direction'],
    ['src/site/content.ts', '#src/content.config.ts', 'against the layer direction'],
    ['src/model/vocabulary.ts', '../site/routes.ts', 'relative import out of src/model/'],
    ['src/model/schemas/news.ts', '../../text/dates.ts', 'relative import out of src/model/'],
    ['src/site/routes.ts', './pagination', 'without a file extension'],
    ['scripts/bench.ts', '#src/site/routes', 'without a file extension'],
    ['scripts/bench.ts', '../tests/support/entries.ts', 'scripts must not import tests'],
  ])('%s may not import %s', async (file, specifier, reason) => {
    const messages = await restrictions(file, specifier);
    expect(messages.join('\n')).toContain(reason);
  });

  it.each([
    ['src/model/vocabulary.ts', '#src/text/vietnamese.ts'],
    ['src/model/schemas/news.ts', '../vocabulary.ts'],
    ['src/site/site-index.ts', '#src/model/content-model.ts'],
    ['src/publishing/feed.ts', '#src/site/content.ts'],
    ['src/search/page-facets.ts', '#src/site/unit-tree.ts'],
    ['src/editor/scaffold.ts', '#src/model/vocabulary.ts'],
    ['src/pages/index.astro', '#src/components/NewsList.astro'],
    ['src/components/search/SearchApp.astro', '../Pagination.astro'],
    ['src/integrations/cms.ts', '#src/editor/cms-config.ts'],
    ['tests/unit/x.test.ts', '../../scripts/lib/paths.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictions(file, specifier)).toEqual([]);
  });

  it('covers every folder of src/ that holds code', () => {
    const folders = readdirSync(`${projectRoot}/src`, { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'styles')
      .map((d) => d.name)
      .sort();
    expect(folders).toEqual(Object.keys(LAYERS).sort());
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, testContentOverlay } from '../../scripts/lib/paths.ts';

/**
 * Ids (file names without extension) of one collection of the test site's content, sorted: the
 * bundled content/ and the records tests/fixtures/test-site/ adds to it (tests/support/global-setup.ts).
 */
export const bundledIds = (collection: 'news' | 'units' | 'awards'): string[] => {
  const ext = collection === 'awards' ? /\.ya?ml$/ : /\.mdx?$/;
  const folders = [join(projectRoot, 'content', collection), join(testContentOverlay, collection)];
  const ids = folders
    .filter((folder) => existsSync(folder))
    .flatMap((folder) => readdirSync(folder))
    .filter((f) => ext.test(f))
    .map((f) => f.replace(ext, ''));
  return [...new Set(ids)].sort();
};

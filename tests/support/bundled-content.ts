import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/lib/paths.ts';

/** Ids (file names without extension) of the bundled content of one collection, sorted. */
export const bundledIds = (collection: 'news' | 'units' | 'awards'): string[] => {
  const ext = collection === 'awards' ? /\.ya?ml$/ : /\.mdx?$/;
  return readdirSync(join(projectRoot, 'content', collection))
    .filter((f) => ext.test(f))
    .map((f) => f.replace(ext, ''))
    .sort();
};

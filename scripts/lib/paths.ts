import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
/** The site built once for the build and browser test projects. */
export const testDist = resolve(projectRoot, '.build-tmp/test-dist');

import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
/** The site built once for the build and browser test projects. */
export const testDist = resolve(projectRoot, '.build-tmp/test-dist');
/**
 * The content of that site: the bundled content/ with tests/fixtures/test-site/ laid over it
 * (records only tests need, such as a revoked award, which no real site should publish).
 */
export const testContentDir = resolve(projectRoot, '.build-tmp/test-content');
export const testContentOverlay = resolve(projectRoot, 'tests/fixtures/test-site');
/** The base path of the second test build: the site as an agency publishes it under a sub-path. */
export const TEST_SITE_BASE = '/congdoan/';
/** The bundled site built under TEST_SITE_BASE, for the base-path test project (tests/base-path/). */
export const testBaseDist = resolve(projectRoot, '.build-tmp/test-dist-base');

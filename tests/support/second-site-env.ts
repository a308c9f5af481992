/**
 * The environment of tests/build/second-site.test.ts, imported first by it: modules that read
 * the site configuration when they load (the editor's CSP in src/publishing/security-headers.ts,
 * which the generated nginx configuration carries) must read the second site's, as
 * `npm run deploy:nginx` run in that site's repository would. The base path and address come
 * from its site.yaml, never from the CI environment.
 */
import { join } from 'node:path';
import { projectRoot } from '../../scripts/lib/paths.ts';

export const SECOND_SITE_CONTENT = join(projectRoot, 'tests/fixtures/second-site');
process.env.CONTENT_DIR = SECOND_SITE_CONTENT;
for (const key of ['SITE_BASE', 'SITE_URL', 'CMS_REPO', 'CMS_BRANCH']) delete process.env[key];

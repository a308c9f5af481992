import { writeTestContent } from './tests/support/global-setup.ts';
import { buildSite } from './scripts/lib/build-site.ts';
const content = writeTestContent('/tmp/img-test-content');
const r = buildSite('/tmp/img-test-dist', { CONTENT_DIR: content });
console.log(r.status, r.output.slice(-3000));

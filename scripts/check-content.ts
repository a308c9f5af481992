#!/usr/bin/env node
// npm run check:content — check every content file without building the site: the schemas
// (src/model/schemas/), duplicate ids, NFC text, YAML/MDX syntax, images and alt text, references
// and the other cross-collection rules (src/editor/content-guard.ts, the same check every build
// runs first), with one Vietnamese explanation per problem: file, field, what is wrong, fix, and
// the closest existing id where one is close. CONTENT_DIR checks another tree; SITE_NOW pins the
// clock as for the build. Exit code 1 on problems, 2 on an unexpected error; no stack trace unless
// --verbose or CONGDOAN_VERBOSE=1 (scripts/lib/cli.ts).
import { resolve } from 'node:path';

import { checkContentTree, ContentGuardError } from '#src/editor/content-guard.ts';
import { buildNow } from '#src/model/clock.ts';
import { endFailuresCleanly } from './lib/cli.ts';

endFailuresCleanly({
  consequence: 'npm run build sẽ dừng ở các lỗi này cho đến khi được sửa',
  check: 'content check failed',
});

const projectRoot = process.cwd();
const contentDir = resolve(projectRoot, process.env.CONTENT_DIR ?? 'content');
const started = performance.now();
const problems = checkContentTree(contentDir, { projectRoot, now: buildNow() });
if (problems.length) throw new ContentGuardError(problems);
console.log(`✓ Nội dung không có lỗi (${Math.round(performance.now() - started)} ms): ${contentDir}`);

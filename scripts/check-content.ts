#!/usr/bin/env node
// npm run check:content — check every content file without building the site: the schemas
// (src/model/schemas/), duplicate ids, NFC text, YAML/MDX syntax, images and alt text, references
// and the other cross-collection rules (src/editor/content-guard.ts, the same check every build
// runs first), with one Vietnamese explanation per problem: file, field, what is wrong, fix.
// CONTENT_DIR checks another tree; SITE_NOW pins the clock as for the build. Exit code 1 on problems.
import { resolve } from 'node:path';

import { checkContentTree, guardReport } from '#src/editor/content-guard.ts';
import { buildNow } from '#src/model/clock.ts';
import { explainContentError, formatEditorMessages } from '#src/editor/messages.ts';

const projectRoot = process.cwd();
const contentDir = resolve(projectRoot, process.env.CONTENT_DIR ?? 'content');
try {
  const started = performance.now();
  const problems = checkContentTree(contentDir, { projectRoot, now: buildNow() });
  if (problems.length) {
    console.error(guardReport(problems));
    process.exit(1);
  }
  console.log(`✓ Nội dung không có lỗi (${Math.round(performance.now() - started)} ms): ${contentDir}`);
} catch (error) {
  // Something the checks did not expect: still explain it, then show the technical detail.
  console.error(formatEditorMessages(explainContentError(error)));
  console.error(error);
  process.exit(2);
}

#!/usr/bin/env node
// A new site from this repository: the site configuration, the owner unit, the sample content.
//   npm run site:init                         asks at a terminal
//   npm run site:init -- --name "…" --url https://example.gov.vn --owner-name "…" --remove-samples
// scripts/lib/site-init.ts does the work and explains every mistake in Vietnamese (exit status 2).
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { buildNow } from '#src/model/clock.ts';
import { contentRootOf, readSiteConfig } from '#src/model/site-config.ts';
import {
  answersToArgs,
  initSite,
  parseSiteInitArgs,
  PROMPTS,
  SiteInitError,
  SITE_INIT_USAGE,
  unitIdsOf,
  type SiteInitArgs,
} from './lib/site-init.ts';
import { projectRoot } from './lib/paths.ts';

async function ask(contentRoot: string): Promise<SiteInitArgs> {
  const current = readSiteConfig(contentRoot, {}).config;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Lines read through the iterator are buffered: an answer typed ahead is not lost.
  const lines = rl[Symbol.asyncIterator]();
  const answers: Record<string, string> = {};
  console.log('Tạo trang mới: trả lời từng câu; Enter để giữ giá trị trong ngoặc vuông.\n');
  for (const p of PROMPTS) {
    const now = p.current?.(current);
    process.stdout.write(`${p.question}${now ? ` [${now}]` : ''}: `);
    const next = await lines.next();
    if (next.done) break;
    answers[p.flag] = String(next.value).trim() || now || '';
  }
  rl.close();
  return answersToArgs(answers, unitIdsOf(contentRoot));
}

try {
  const argv = process.argv.slice(2);
  let args = parseSiteInitArgs(argv);
  if (args.switches.has('help')) {
    console.log(SITE_INIT_USAGE);
    process.exit(0);
  }
  const contentRoot = args.values.content ? resolve(args.values.content) : contentRootOf();
  // Questions only at a terminal and without flags; scripts give flags.
  if (argv.length === 0 && process.stdin.isTTY && process.stdout.isTTY) args = await ask(contentRoot);
  const { report } = initSite(args, {
    contentRoot,
    projectRoot: process.cwd(),
    now: buildNow(),
    publicDir: resolve(projectRoot, 'public'),
  });
  for (const line of report) console.log(line);
  console.log('\nTiếp theo: "npm run build" dựng trang vào dist/, "npm run dev" để xem thử.');
} catch (error) {
  if (error instanceof SiteInitError) {
    console.error(`✗ ${error.message}\n\n${SITE_INIT_USAGE}`);
    process.exit(2);
  }
  throw error;
}

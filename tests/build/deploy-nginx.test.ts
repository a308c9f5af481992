/**
 * Gate: the nginx recipe (src/publishing/deploy/nginx.ts, `npm run deploy:nginx`) on a real nginx,
 * Debian's. The built site is copied into <tmp>/congdoan/ and served twice by one nginx started
 * here on 127.0.0.1: under /congdoan/ (the base path of an agency's domain) and at the root. Every
 * kind of response (pages, redirects, the 404 page, assets, Pagefind's files, the web editor)
 * carries the status, content type, caching and every security header of the build's _headers;
 * at the root, every link of every page resolves on the server (under /congdoan/ for the site built
 * for it: tests/base-path/served.test.ts). The CSP and search in Chromium
 * against nginx, with the site built for /congdoan/: tests/base-path/deploy-nginx.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/lib/browser.ts';
import { testDist } from '../../scripts/lib/paths.ts';
import { nginxServerConfig } from '#src/publishing/deploy/nginx.ts';
import { describeServedSite } from '../support/served-site.ts';
import { copyBuiltSite, freePorts, startNginx, type RunningServer } from '../support/web-servers.ts';

const BASE = '/congdoan/';
const work = mkdtempSync(join(tmpdir(), 'deploy-nginx-'));
const siteDir = join(work, 'congdoan');
// Started once; a server that cannot start (not installed, configuration refused) fails every
// test with its reason instead of leaving them skipped.
let started: Promise<RunningServer>;
const site = async (base: string): Promise<StaticServer> => (await started).sites[base === BASE ? 0 : 1]!;

beforeAll(() => {
  started = (async () => {
    copyBuiltSite(testDist, siteDir);
    const [underBase, atRoot] = await freePorts(2);
    return startNginx(
      work,
      [
        nginxServerConfig({ root: siteDir, base: BASE, listen: `127.0.0.1:${underBase}` }),
        nginxServerConfig({ root: siteDir, listen: `127.0.0.1:${atRoot}` }),
      ],
      [underBase!, atRoot!],
    );
  })();
  started.catch(() => undefined);
});
afterAll(async () => {
  await (await started.catch(() => undefined))?.stop();
  rmSync(work, { recursive: true, force: true });
});

it('accepts the generated configuration without a warning', async () => {
  const { configCheck } = await started;
  expect(configCheck).toMatch(/test is successful/);
  expect(configCheck).not.toMatch(/\[(warn|emerg|alert)\]/);
});

describeServedSite(BASE, testDist, () => site(BASE));
describeServedSite('/', testDist, () => site('/'));

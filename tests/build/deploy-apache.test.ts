/**
 * Gate: the Apache recipe (the build's .htaccess, src/publishing/deploy/apache.ts) on a real
 * Apache, Debian's apache2, allowing the .htaccess only the overrides it documents. The built site
 * is served twice by one apache2 started here on 127.0.0.1: copied into <tmp>/www/congdoan/ with
 * the .htaccess a build under /congdoan/ writes, and copied as built (its own .htaccess) to the
 * root of a second host. Every kind of response carries the status, content type, caching and every
 * security header of the build's _headers; at the root, every link of every page resolves.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StaticServer } from '../../scripts/lib/browser.ts';
import { testDist } from '../../scripts/lib/paths.ts';
import { apacheHtaccess } from '#src/publishing/deploy/apache.ts';
import { describeServedSite } from '../support/served-site.ts';
import { copyBuiltSite, freePorts, startApache, type RunningServer } from '../support/web-servers.ts';

const BASE = '/congdoan/';
const work = mkdtempSync(join(tmpdir(), 'deploy-apache-'));
const documentRoots = { [BASE]: join(work, 'www'), '/': join(work, 'root') };
// Started once; a server that cannot start (not installed, configuration refused) fails every
// test with its reason instead of leaving them skipped.
let started: Promise<RunningServer>;
const site = async (base: string): Promise<StaticServer> => (await started).sites[base === BASE ? 0 : 1]!;

beforeAll(() => {
  started = (async () => {
    copyBuiltSite(testDist, join(documentRoots[BASE], 'congdoan'));
    writeFileSync(join(documentRoots[BASE], 'congdoan', '.htaccess'), apacheHtaccess({ base: BASE }));
    copyBuiltSite(testDist, documentRoots['/']);
    return startApache(work, [documentRoots[BASE], documentRoots['/']], await freePorts(2));
  })();
  started.catch(() => undefined);
});
afterAll(async () => {
  await (await started.catch(() => undefined))?.stop();
  rmSync(work, { recursive: true, force: true });
});

it('ships the generated .htaccess in the build, and Apache accepts the configuration', async () => {
  expect(readFileSync(join(testDist, '.htaccess'), 'utf8')).toBe(apacheHtaccess({ base: '/' }));
  expect((await started).configCheck.trim()).toBe('Syntax OK');
});

describeServedSite(BASE, testDist, () => site(BASE));
describeServedSite('/', testDist, () => site('/'));

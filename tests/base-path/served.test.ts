/**
 * Gate: the site built under /congdoan/ (SITE_BASE), copied into a folder and served there by a
 * real nginx with the generated configuration, as an agency publishes it on a sub-path of its
 * domain. Every kind of response carries its status, type, caching and the headers of the build's
 * own `_headers` (whose patterns carry the base), nothing is served outside /congdoan/, and every
 * link of every page resolves on the server: a link that left the base path would answer 404.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_SITE_BASE, testBaseDist } from '../../scripts/lib/paths.ts';
import { startBasePathNginx, type BasePathNginx } from '../support/base-path-site.ts';
import { describeServedSite } from '../support/served-site.ts';

// Started once; a server that cannot start fails every test with its reason.
let started: Promise<BasePathNginx>;
beforeAll(() => {
  started = startBasePathNginx();
  started.catch(() => undefined);
});
afterAll(async () => {
  await (await started.catch(() => undefined))?.close();
});

it('nginx accepts the generated configuration for the base path without a warning', async () => {
  const { nginx } = await started;
  expect(nginx.configCheck).toMatch(/test is successful/);
  expect(nginx.configCheck).not.toMatch(/\[(warn|emerg|alert)\]/);
});

describeServedSite(TEST_SITE_BASE, testBaseDist, async () => (await started).server, TEST_SITE_BASE);

/**
 * Gate: the site served by a real nginx (Debian's) with the generated configuration
 * (src/publishing/deploy/nginx.ts) holds its Content-Security-Policy in Chromium, and search works
 * under it: the CSP gate of tests/support/csp-check.ts, run against nginx instead of the loopback
 * server. The site is copied into a temporary folder and served at the root (its links name paths
 * from the root until base paths land); the responses under /congdoan/ are checked in
 * tests/build/deploy-nginx.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxServerConfig } from '#src/publishing/deploy/nginx.ts';
import { testDist } from '../../scripts/lib/paths.ts';
import { describeSiteUnderPolicy } from '../support/csp-check.ts';
import { copyBuiltSite, freePorts, startNginx } from '../support/web-servers.ts';

describeSiteUnderPolicy('the site served by nginx', testDist, async () => {
  const work = mkdtempSync(join(tmpdir(), 'deploy-nginx-csp-'));
  const root = join(work, 'site');
  copyBuiltSite(testDist, root);
  const [port] = await freePorts(1);
  const nginx = await startNginx(work, [nginxServerConfig({ root, listen: `127.0.0.1:${port}` })], [port!]);
  const site = nginx.sites[0]!;
  return {
    ...site,
    close: async () => {
      await nginx.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
});

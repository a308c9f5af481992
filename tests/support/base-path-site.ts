/**
 * The base-path build (.build-tmp/test-dist-base, built by base-path-setup.ts) served as an agency
 * serves it: by a real nginx with the generated configuration (src/publishing/deploy/nginx.ts),
 * the build copied into <tmp>/congdoan/ and published under /congdoan/ only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaticServer } from '../../scripts/lib/browser.ts';
import { TEST_SITE_BASE, testBaseDist } from '../../scripts/lib/paths.ts';
import { nginxServerConfig } from '#src/publishing/deploy/nginx.ts';
import { joinBase } from '#src/site/routes.ts';
import { copyBuiltSite, freePorts, startNginx, type RunningServer } from './web-servers.ts';

/**
 * A server of the site under `base` addressed by site paths: url("/tim-kiem/") is the server's
 * "/congdoan/tim-kiem/". The gates written for a site at the root (CSP, search) run on it as they are.
 */
export function underBase(server: StaticServer, base: string): StaticServer {
  return { ...server, url: (path = '/') => server.url(joinBase(base, path)) };
}

export interface BasePathNginx {
  /** The nginx server, addressed by URL paths ("/congdoan/…"). */
  server: StaticServer;
  /** The same, addressed by site paths ("/tim-kiem/" → "/congdoan/tim-kiem/"). */
  site: StaticServer;
  nginx: RunningServer;
  close: () => Promise<void>;
}

/** nginx on 127.0.0.1 serving the base-path build under /congdoan/. */
export async function startBasePathNginx(dist = testBaseDist, base = TEST_SITE_BASE): Promise<BasePathNginx> {
  const work = mkdtempSync(join(tmpdir(), 'base-path-nginx-'));
  try {
    const root = join(work, base.replace(/^\/|\/$/g, '') || 'site');
    copyBuiltSite(dist, root);
    const [port] = await freePorts(1);
    const nginx = await startNginx(work, [nginxServerConfig({ root, base, listen: `127.0.0.1:${port}` })], [port!]);
    const server = nginx.sites[0]!;
    const close = async () => {
      await nginx.stop();
      rmSync(work, { recursive: true, force: true });
    };
    return { server, site: underBase(server, base), nginx, close };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

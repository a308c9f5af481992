/**
 * Real web servers for the deployment tests: Debian's nginx and apache2 started on 127.0.0.1 as
 * child processes of the test (never daemons), each with its own configuration, pid file, logs
 * and temporary folders under a folder the test owns, and stopped by the test. A server that is not
 * installed fails the test with what to run; no test skips itself.
 *
 *   const [port] = await freePorts(1);
 *   const nginx = await startNginx(work, [nginxServerConfig({ root, base: '/congdoan/', listen: `127.0.0.1:${port}` })], [port]);
 *   const site = nginx.sites[0]!; await fetch(site.url('/congdoan/'));
 *   await nginx.stop();
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { StaticServer } from '../../scripts/lib/browser.ts';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const APACHE_PATH = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
export const APACHE_MODULES = process.env.APACHE_MODULES ?? '/usr/lib/apache2/modules';

export interface RunningServer {
  /** One per site (port) the server listens on, in the order given. */
  sites: StaticServer[];
  /** What the server's configuration test (-t) printed: warnings show here. */
  configCheck: string;
  /** The server's error log so far. */
  errorLog: () => string;
  stop: () => Promise<void>;
}

/** Ports nobody listens on right now (each taken from the system, then released). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((ok, fail) => {
          const server = createServer();
          server.once('error', fail);
          server.listen(0, '127.0.0.1', () => ok(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  return ports;
}

function requireBinary(path: string, name: string, apt: string) {
  if (!existsSync(path))
    throw new Error(
      `${name} not found at ${path}: run .ci/run (it installs Debian's ${apt} when missing), or "apt-get install -y ${apt}".`,
    );
}

const siteOn = (port: number, stop: () => Promise<void>): StaticServer => {
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: (path = '/') => new URL(path, `${origin}/`).href, close: stop };
};

/** Start a server process and wait until every port answers; fail with its log if it exits first. */
async function run(
  command: string,
  args: string[],
  ports: number[],
  errorLogFile: string,
  name: string,
  configCheck: string,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  let running = true;
  void exited.then(() => (running = false));
  const errorLog = () => `${output}${existsSync(errorLogFile) ? readFileSync(errorLogFile, 'utf8') : ''}`;
  const stop = async () => {
    if (!running) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 20_000;
  for (const port of ports) {
    for (;;) {
      if (!running) throw new Error(`${name} exited before it served port ${port}:\n${errorLog()}`);
      try {
        await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
        break;
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`${name} did not answer on port ${port} within 20 s:\n${errorLog()}`);
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
  }
  return { sites: ports.map((port) => siteOn(port, stop)), configCheck, errorLog, stop };
}

/**
 * Copies a built site into a server's document root. A build's output folder is a symbolic link to
 * the published version (scripts/lib/publish/), and `cpSync` copies a link as a link: the server
 * would then serve the build itself, through a path its workers may not be allowed to read, and a
 * file written into the copy (a base path's .htaccess) would change the build every other test reads.
 */
export function copyBuiltSite(dist: string, to: string) {
  cpSync(realpathSync(dist), to, { recursive: true });
  chmodSync(to, 0o755);
}

/** The workers of a server started as root run as nobody: they must be able to read the folder. */
function readableWorkFolder(work: string) {
  mkdirSync(work, { recursive: true });
  chmodSync(work, 0o755);
}

/**
 * nginx with Debian's http { } settings (its nginx.conf, with paths of its own) and the given
 * server { } blocks, each listening on one of `ports`.
 */
export async function startNginx(work: string, servers: string[], ports: number[]): Promise<RunningServer> {
  requireBinary(NGINX_PATH, 'nginx', 'nginx');
  readableWorkFolder(work);
  // The generated configuration includes "mime.types" relative to nginx's configuration folder.
  copyFileSync('/etc/nginx/mime.types', join(work, 'mime.types'));
  writeFileSync(join(work, 'sites.conf'), servers.join('\n'));
  const conf = join(work, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${join(work, 'nginx.pid')};`,
      `error_log ${join(work, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      // As in Debian's /etc/nginx/nginx.conf.
      '  sendfile on;',
      '  tcp_nopush on;',
      '  types_hash_max_size 2048;',
      '  include mime.types;',
      '  default_type application/octet-stream;',
      '  gzip on;',
      `  access_log ${join(work, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (t) => `  ${t}_temp_path ${join(work, `${t}-temp`)};`,
      ),
      '  include sites.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', `${work}/`, '-c', conf, '-e', join(work, 'error.log')];
  const test = spawnSync(NGINX_PATH, [...args, '-t'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration:\n${test.stderr}`);
  return run(NGINX_PATH, [...args, '-g', 'daemon off;'], ports, join(work, 'error.log'), 'nginx', test.stderr);
}

/** Modules the site's .htaccess needs, and what serving files and `Require` need. */
const APACHE_MODULE_NAMES = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers', 'filter', 'deflate'];

/**
 * apache2 with a configuration of its own: one virtual host per document root, each on one of
 * `ports`, allowing the site's .htaccess the overrides it documents (FileInfo Indexes) and no
 * more (no Options: FollowSymLinks and the like stay off).
 */
export async function startApache(work: string, documentRoots: string[], ports: number[]): Promise<RunningServer> {
  requireBinary(APACHE_PATH, 'apache2', 'apache2');
  readableWorkFolder(work);
  const conf = join(work, 'httpd.conf');
  const asRoot = process.getuid?.() === 0;
  writeFileSync(
    conf,
    [
      `ServerRoot ${work}`,
      `PidFile ${join(work, 'httpd.pid')}`,
      `DefaultRuntimeDir ${work}`,
      `Mutex file:${work} default`,
      'ServerName 127.0.0.1',
      ...(asRoot ? ['User nobody', 'Group nogroup'] : []),
      ...APACHE_MODULE_NAMES.map((m) => `LoadModule ${m}_module ${APACHE_MODULES}/mod_${m}.so`),
      'TypesConfig /etc/mime.types',
      `ErrorLog ${join(work, 'error.log')}`,
      'LogLevel warn',
      '<Directory />',
      '  AllowOverride None',
      '  Options None',
      '  Require all denied',
      '</Directory>',
      ...ports.map((port) => `Listen 127.0.0.1:${port}`),
      ...documentRoots.flatMap((root, i) => [
        `<VirtualHost 127.0.0.1:${ports[i]}>`,
        `  DocumentRoot ${root}`,
        `  <Directory ${root}>`,
        '    AllowOverride FileInfo Indexes',
        '    Require all granted',
        '  </Directory>',
        '</VirtualHost>',
      ]),
      '',
    ].join('\n'),
  );
  const test = spawnSync(APACHE_PATH, ['-t', '-f', conf], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`apache2 -t refused the configuration:\n${test.stderr}`);
  return run(APACHE_PATH, ['-f', conf, '-DFOREGROUND'], ports, join(work, 'error.log'), 'apache2', test.stderr);
}

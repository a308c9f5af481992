/**
 * Astro integration for the web editor at /admin, under the base path (Sveltia CMS, installed from npm, no CDN):
 * - writes /admin/config.yml, generated from the zod schemas (src/editor/cms-config.ts);
 * - copies Sveltia's single-file bundle to /admin/sveltia-cms.js, self-hosted: the fonts it
 *   would fetch from a CDN are copied from the @fontsource packages to /admin/fonts/, and its
 *   hourly "new version on unpkg" check reads a local version file and its UI translations
 *   come from the package's locales/ (copied to /admin/locales/);
 * - serves all of it in `astro dev`, so an editor can work on a local repository in Chromium.
 * The backend comes from the site configuration, content/site.yaml ("editor"), which the editor
 * edits there too (the "Cấu hình trang" page).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsConfigYaml } from '#src/editor/cms-config.ts';
import { contentRootOf, readSiteConfig } from '#src/model/site-config.ts';
import { joinBase } from '#src/site/routes.ts';

/** The URL paths of the web editor's files under the site's base path ("/" or "/congdoan/"). */
export function adminPaths(base = '/') {
  const admin = joinBase(base, 'admin/');
  return {
    admin,
    config: `${admin}config.yml`,
    script: `${admin}sveltia-cms.js`,
    version: `${admin}sveltia-cms-version.json`,
    fonts: `${admin}fonts/`,
    locales: `${admin}locales/`,
  };
}

const require = createRequire(import.meta.url);
/** A package's folder in node_modules (some packages export only their entry, not package.json). */
const packageDir = (name: string): string => {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name);
  }
  throw new Error(`Package ${name} is not installed (npm install).`);
};

/** Sveltia's self-contained IIFE bundle in node_modules. */
export function sveltiaBundlePath(): string {
  return join(packageDir('@sveltia/cms'), 'dist', 'sveltia-cms.js');
}

function sveltiaVersion(): string {
  return JSON.parse(readFileSync(join(packageDir('@sveltia/cms'), 'package.json'), 'utf8')).version as string;
}

/** Fonts the bundle's CSS names, by family, and the @fontsource package that ships each. */
const FONT_PACKAGES: Record<string, string> = {
  'source-sans-3': '@fontsource-variable/source-sans-3',
  'material-symbols-outlined': '@fontsource-variable/material-symbols-outlined',
  'noto-mono': '@fontsource/noto-mono',
};
const CDN_FONT =
  /url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2\)/g;
/** `${unpkg}/package.json`: the hourly "new version available" check. */
const UPDATE_CHECK = /`\$\{[\w$]+\}\/package\.json`/;
/** `${unpkg}@${version}/locales`: the UI translations (Vietnamese for our editors). */
const LOCALES = /`\$\{[\w$]+\}@\$\{[\w$]+\}\/locales`/;

export interface SelfHosted {
  script: string;
  /** Font files to serve from /admin/fonts/: file name → absolute source path. */
  fonts: Record<string, string>;
}

/**
 * Point the bundle's CDN fonts and its update check at our own files. Fails the build loudly
 * when a new Sveltia version changed what is patched (rather than silently using the CDN).
 */
export function selfHostSveltia(bundle: string, base = '/'): SelfHosted {
  const paths = adminPaths(base);
  const fonts: Record<string, string> = {};
  let script = bundle.replace(CDN_FONT, (_match, family: string, variant: string) => {
    const pkg = FONT_PACKAGES[family];
    if (!pkg)
      throw new Error(
        `Sveltia CMS loads an unknown font "${family}" from a CDN; add its @fontsource package to FONT_PACKAGES.`,
      );
    const file = `${family}-${variant}.woff2`;
    fonts[file] = join(packageDir(pkg), 'files', file);
    return `url(${paths.fonts}${file})`;
  });
  for (const [what, pattern, local] of [
    ['update check', UPDATE_CHECK, paths.version],
    ['UI translations', LOCALES, paths.locales.replace(/\/$/, '')],
  ] as const) {
    if (!pattern.test(script))
      throw new Error(`Sveltia CMS: the ${what} to self-host was not found (bundle changed?).`);
    script = script.replace(pattern, `\`${local}\``);
  }
  if (Object.keys(fonts).length !== Object.keys(FONT_PACKAGES).length || script.includes('cdn.jsdelivr.net')) {
    throw new Error('Sveltia CMS: the CDN fonts to self-host were not all found (bundle changed?).');
  }
  return { script, fonts };
}

function contentRoot(): string {
  const dir = process.env.CONTENT_DIR;
  // The editor writes to the repository; a CONTENT_DIR outside it (tests, benchmarks) keeps "content".
  return dir && !dir.startsWith('/') && !dir.startsWith('..') ? dir.replace(/^\.\//, '').replace(/\/$/, '') : 'content';
}

export default function cms(): AstroIntegration {
  let site: string | undefined;
  let paths = adminPaths('/');
  let base = '/';
  let selfHosted: SelfHosted | undefined;
  const load = () => (selfHosted ??= selfHostSveltia(readFileSync(sveltiaBundlePath(), 'utf8'), base));
  return {
    name: 'congdoan:cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        paths = adminPaths(base);
        // The editor's "view on the site" links: the site's home page, under its base path.
        site = config.site ? new URL(base, config.site).href : undefined;
      },
      'astro:server:setup': ({ server }) => {
        // Matched from the site's root: whether or not the dev server has taken the base off the URL yet.
        const root = adminPaths('/');
        server.middlewares.use((req, res, next) => {
          const url = (req.url ?? '').split('?')[0] ?? '';
          const path = base !== '/' && url.startsWith(base) ? `/${url.slice(base.length)}` : url;
          const send = (type: string, body: string | Buffer) => {
            res.setHeader('content-type', type);
            res.setHeader('cache-control', 'no-store');
            res.end(body);
          };
          if (path === root.config)
            return send(
              'application/yaml; charset=utf-8',
              cmsConfigYaml({ contentRoot: contentRoot(), site: readSiteConfig(contentRootOf()).config }),
            );
          if (path === root.script) return send('text/javascript; charset=utf-8', load().script);
          if (path === root.version) return send('application/json', JSON.stringify({ version: sveltiaVersion() }));
          if (path.startsWith(root.locales)) {
            const file = join(packageDir('@sveltia/cms'), 'locales', path.slice(root.locales.length));
            if (/^[\w-]+\.json$/.test(path.slice(root.locales.length)) && existsSync(file)) {
              return send('application/json; charset=utf-8', readFileSync(file));
            }
          }
          if (path.startsWith(root.fonts)) {
            const source = load().fonts[path.slice(root.fonts.length)];
            if (source) return send('font/woff2', readFileSync(source));
          }
          next();
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const admin = join(fileURLToPath(dir), 'admin');
        await mkdir(join(admin, 'fonts'), { recursive: true });
        await cp(join(packageDir('@sveltia/cms'), 'locales'), join(admin, 'locales'), { recursive: true });
        const { script, fonts } = load();
        await Promise.all([
          writeFile(
            join(admin, 'config.yml'),
            cmsConfigYaml({
              contentRoot: contentRoot(),
              site: readSiteConfig(contentRootOf()).config,
              ...(site ? { siteUrl: site } : {}),
            }),
          ),
          writeFile(join(admin, 'sveltia-cms.js'), script),
          writeFile(join(admin, 'sveltia-cms-version.json'), JSON.stringify({ version: sveltiaVersion() })),
          ...Object.entries(fonts).map(([file, source]) => copyFile(source, join(admin, 'fonts', file))),
        ]);
        logger.info(
          `web editor: ${paths.config} generated from the schemas; Sveltia CMS ${sveltiaVersion()} self-hosted in ${paths.admin}`,
        );
      },
    },
  };
}

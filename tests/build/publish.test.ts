/**
 * Publishing a build (scripts/build.mjs → scripts/lib/publish/): strict flags, one build per output
 * at a time, signals passed on to Astro, leftovers cleaned, and a swap that leaves a complete site
 * at the output path whenever the build is killed (issue 13, items 1 and 6).
 *
 * Builds run on the tiny tree of the bad-content corpus (tests/fixtures/bad-content/valid, about
 * 3 s each) in an isolated Astro root; the kill points are reached with the test hook
 * CONGDOAN_BUILD_PAUSE_AT (scripts/lib/publish/swap.ts), which blocks the build at a named step
 * so that the test can SIGKILL it there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareIsolatedRoot } from '../../scripts/lib/isolated-build.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { BuildFlagError, outDirProblem, parseBuildFlags } from '../../scripts/lib/publish/flags.ts';
import { processAlive } from '../../scripts/lib/publish/lock.ts';

const work = resolve(projectRoot, '.build-tmp/publish-test');
const out = join(work, 'site');
const contentDir = resolve(projectRoot, 'tests/fixtures/bad-content/valid');
const buildScript = resolve(projectRoot, 'scripts/build.mjs');
/** Above any pid_max Linux allows (2^22): a build that is certainly gone. */
const DEAD_PID = 4_194_305;

let rootDir: string;

interface Run {
  child: ChildProcess;
  output: () => string;
  /** Resolves once the output matches. */
  waitFor: (pattern: RegExp) => Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

function startBuild(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [buildScript, ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      SITE_NOW: '2026-11-01T00:00:00+07:00',
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: contentDir,
      // In the project root beside other test builds: no shared incremental cache (scripts/lib/build-site.ts).
      INCREMENTAL_BUILD: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters: { pattern: RegExp; ok: () => void }[] = [];
  const take = (d: Buffer) => {
    text += d.toString();
    for (const w of waiters.filter((w) => w.pattern.test(text))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.ok();
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((ok) =>
    child.on('close', (code, signal) => ok({ code, signal, output: text })),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((ok, fail) => {
      if (pattern.test(text)) return ok();
      waiters.push({ pattern, ok });
      void exit.then(() => fail(new Error(`build exited before ${pattern}:\n${text.slice(-3000)}`)));
    });
  return { child, output: () => text, waitFor, exit };
}

/** A build of `out` (or `outArgs`) in the isolated root, to its end. */
const build = (env: Record<string, string> = {}, outArgs = ['--outDir', out]) =>
  startBuild([...outArgs, '--root', rootDir], env).exit;

/** Start a build that stops at `step`, wait until it is there, and SIGKILL it. */
async function killAt(step: string): Promise<string> {
  const run = startBuild(['--outDir', out, '--root', rootDir], { CONGDOAN_BUILD_PAUSE_AT: step });
  await run.waitFor(new RegExp(`paused at ${step} \\(pid`));
  run.child.kill('SIGKILL');
  await run.exit;
  return run.output();
}

/** Every file of a built site, relative. */
const filesOf = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
    .sort();

let siteFiles: string[];

/** The output path serves a whole site: the same files as a complete build, read through the path. */
function expectCompleteSite(path = out): void {
  expect(existsSync(join(path, 'index.html')), `${path}/index.html`).toBe(true);
  expect(filesOf(path)).toEqual(siteFiles);
}

/** What is beside the output, apart from the test's own folders. */
const besideOut = () =>
  readdirSync(work)
    .filter((e) => e.startsWith('site'))
    .sort();

/** The replaced version is deleted in the background after a swap; wait for that. */
async function settled(): Promise<string[]> {
  const current = existsSync(out) && lstatSync(out).isSymbolicLink() ? realpathSync(out).slice(work.length + 1) : '';
  const replaced = () => besideOut().filter((e) => e.startsWith('site.site-') && e !== current);
  for (let i = 0; i < 100 && replaced().length; i++) await new Promise((ok) => setTimeout(ok, 100));
  return besideOut();
}

describe('build flags', () => {
  it.each([
    [[], { outDir: undefined, astroArgs: [] }],
    [['--outDir', 'x'], { outDir: 'x', astroArgs: [] }],
    [['--outDir=x'], { outDir: 'x', astroArgs: [] }],
    [['--outDir=x', '--base=/lao-cai/'], { outDir: 'x', astroArgs: ['--base', '/lao-cai/'] }],
    [
      ['--root', 'r', '--force', '--site', 'https://a.vn'],
      { outDir: undefined, astroArgs: ['--root', 'r', '--site', 'https://a.vn', '--force'] },
    ],
    [['--silent'], { outDir: undefined, astroArgs: ['--silent'] }],
  ])('%j is accepted', (argv, expected) => {
    expect(parseBuildFlags(argv)).toEqual({ ...expected, help: false });
  });

  it.each([
    [['--outDir', 'a', '--outDir', 'b'], /Cờ "--outDir" được ghi nhiều lần.*\(flag "--outDir" given more than once\)/],
    [['--outDir=a', '--outDir', 'b'], /Cờ "--outDir" được ghi nhiều lần/],
    [['--force', '--force'], /Cờ "--force" được ghi nhiều lần/],
    [['--mode', 'development'], /Cờ không hợp lệ: "--mode".*\(unknown flag "--mode"\)/],
    [['--devOutput'], /Cờ không hợp lệ: "--devOutput"/],
    [['--config=other.mjs'], /Cờ không hợp lệ: "--config"/],
    [['--outdir', 'x'], /Cờ không hợp lệ: "--outdir"/],
    [['--outDir'], /Cờ "--outDir" cần một giá trị, ví dụ: --outDir THƯ-MỤC/],
    [['--outDir='], /Cờ "--outDir" cần một giá trị/],
    [['--outDir', '--force'], /Cờ "--outDir" cần một giá trị/],
    [['--force=yes'], /Cờ "--force" không nhận giá trị/],
    [['dist'], /Đối số không hợp lệ: "dist"/],
    [['--verbose', '--silent'], /cả --verbose lẫn --silent/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseBuildFlags(argv)).toThrow(BuildFlagError);
    expect(() => parseBuildFlags(argv)).toThrow(message);
  });

  it.each([
    [projectRoot, /là thư mục dự án hoặc chứa thư mục dự án/],
    ['/', /là thư mục dự án hoặc chứa thư mục dự án/],
    [join(projectRoot, 'public'), /nằm trong public\//],
    [join(projectRoot, 'src/pages/x'), /nằm trong src\//],
  ])('--outDir %s is refused', (dir, message) => {
    expect(outDirProblem(dir, projectRoot)).toMatch(message);
  });

  it.each([join(projectRoot, 'dist'), join(projectRoot, '.build-tmp/x'), '/tmp/site', join(projectRoot, 'srcdist')])(
    '--outDir %s is accepted',
    (dir) => {
      expect(outDirProblem(dir, projectRoot)).toBeUndefined();
    },
  );
});

describe('publishing a build', () => {
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    rootDir = prepareIsolatedRoot({ workDir: work }).rootDir;
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('--outDir=X (equals form) builds into X and leaves the default dist/ untouched', async () => {
    const dist = join(projectRoot, 'dist');
    const state = () => {
      try {
        const s = lstatSync(dist);
        return { ino: s.ino, mtimeMs: s.mtimeMs, entries: s.isDirectory() ? readdirSync(dist).length : -1 };
      } catch {
        return 'absent';
      }
    };
    const before = state();
    const { code, output } = await build({}, [`--outDir=${out}`]);
    expect(code, output.slice(-3000)).toBe(0);
    expect(state()).toEqual(before);
    siteFiles = filesOf(out);
    expect(siteFiles).toContain('tin-tuc/bai-mau/index.html');
    expect(siteFiles).toContain('pagefind/shards.json');
    // The output is a link to its version folder, and nothing else is left beside it.
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(await settled()).toEqual(['site', realpathSync(out).slice(work.length + 1)]);
  });

  it.each([
    [['--outDir', out, '--outDir', join(work, 'other')], /Cờ "--outDir" được ghi nhiều lần/],
    [[`--outDir=${out}`, '--outDir', join(work, 'other')], /Cờ "--outDir" được ghi nhiều lần/],
    [['--outDir', out, '--mode', 'development'], /Cờ không hợp lệ: "--mode"/],
    [['--outDir', out, '--experimental-foo'], /Cờ không hợp lệ: "--experimental-foo"/],
  ])('%j exits 2 with the message and touches nothing', async (args, message) => {
    const before = realpathSync(out);
    const { code, output } = await build({}, args);
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output).toMatch(/Xem các cờ: npm run build -- --help/);
    expect(realpathSync(out)).toBe(before);
    expect(besideOut()).not.toContain('site.lock');
    expect(existsSync(join(work, 'other'))).toBe(false);
  });

  it('a second build of the same output is refused while the first runs; a stale lock is taken over', async () => {
    const first = startBuild(['--outDir', out, '--root', rootDir], { CONGDOAN_BUILD_PAUSE_AT: 'locked' });
    await first.waitFor(/paused at locked/);
    const published = realpathSync(out);
    const second = await build();
    expect(second.code).toBe(75);
    expect(second.output).toMatch(
      new RegExp(
        `Một bản dựng khác đang ghi vào ${out} \\(tiến trình ${first.child.pid} .*hãy đợi bản dựng đó xong rồi chạy lại`,
      ),
    );
    expect(second.output).toMatch(/\(output is locked by pid \d+: .*site\.lock\)/);
    expect(realpathSync(out)).toBe(published);
    // The first build is killed while it holds the lock: the next build takes the lock over.
    first.child.kill('SIGKILL');
    await first.exit;
    expect(JSON.parse(readFileSync(`${out}.lock`, 'utf8')).pid).toBe(first.child.pid);
    const third = await build();
    expect(third.code, third.output.slice(-3000)).toBe(0);
    expect(third.output).toMatch(new RegExp(`Đã gỡ khóa của một bản dựng đã dừng \\(tiến trình ${first.child.pid}`));
    expect(existsSync(`${out}.lock`)).toBe(false);
    expectCompleteSite();
  });

  it('leftovers of killed builds (staging, old per-pid folders, unpublished versions, stray locks) are removed', async () => {
    const leftovers = [
      'site.staging',
      `site.staging-${DEAD_PID}`,
      `site.previous-${DEAD_PID}`,
      'site.site-20200101T000000-1',
      `site.lock.${DEAD_PID}.tmp`,
    ];
    for (const name of leftovers) {
      if (name.includes('lock')) writeFileSync(join(work, name), '{}');
      else cpSync(realpathSync(out), join(work, name), { recursive: true });
    }
    // A build that is still running keeps its per-pid folder (the previous scheme's, pid alive).
    const live = `site.staging-${process.pid}`;
    mkdirSync(join(work, live));
    const { code, output } = await build();
    expect(code, output.slice(-3000)).toBe(0);
    expect(output).toMatch(/Đã dọn \d+ thư mục còn sót từ bản dựng trước: .*site\.staging-4194305/);
    const left = await settled();
    expect(left.filter((e) => leftovers.includes(e))).toEqual([]);
    expect(left).toContain(live);
    rmSync(join(work, live), { recursive: true });
    expectCompleteSite();
  });

  describe('a kill at each point of the swap leaves a complete site at the output path', () => {
    it.each(['staged', 'versioned', 'linked'])('killed at %s: the previous site is still served', async (step) => {
      const before = realpathSync(out);
      await killAt(step);
      expect(realpathSync(out)).toBe(before);
      expectCompleteSite();
    });

    it('killed at swapped: the new site is served', async () => {
      const before = realpathSync(out);
      await killAt('swapped');
      expect(realpathSync(out)).not.toBe(before);
      expectCompleteSite();
    });

    it('the next build cleans up after the kills', async () => {
      const { code, output } = await build();
      expect(code, output.slice(-3000)).toBe(0);
      expect(await settled()).toEqual(['site', realpathSync(out).slice(work.length + 1)]);
      expectCompleteSite();
    });
  });

  describe('a real dist/ folder from before is migrated to the link', () => {
    /** Replace the link by a real folder holding a complete site, as the previous scheme left it. */
    function legacyFolder(): void {
      const version = realpathSync(out);
      rmSync(out);
      cpSync(version, out, { recursive: true });
      rmSync(version, { recursive: true });
    }

    it.each(['staged', 'versioned', 'linked'])('killed at %s: the old folder is still there', async (step) => {
      if (lstatSync(out).isSymbolicLink()) legacyFolder();
      await killAt(step);
      expect(lstatSync(out).isDirectory()).toBe(true);
      expectCompleteSite();
    });

    it('killed between the two renames of the migration: the next build puts the new site in place first', async () => {
      const output = await killAt('migrated');
      expect(output).toMatch(/paused at migrated/);
      // The only moment the output path is missing, once per folder migrated: the new site waits at site.next.
      expect(existsSync(out)).toBe(false);
      expectCompleteSite(`${out}.next`);
      const next = startBuild(['--outDir', out, '--root', rootDir], { CONGDOAN_BUILD_PAUSE_AT: 'locked' });
      await next.waitFor(/paused at locked/);
      expect(next.output()).toMatch(/Đã hoàn tất lần chuyển trang bị ngắt/);
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expectCompleteSite();
      next.child.kill('SIGKILL');
      await next.exit;
    });

    it('killed at swapped during a migration: the new site is served', async () => {
      legacyFolder();
      await killAt('swapped');
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expectCompleteSite();
    });

    it('an uninterrupted migration replaces the folder by a link and leaves nothing else', async () => {
      legacyFolder();
      const { code, output } = await build();
      expect(code, output.slice(-3000)).toBe(0);
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
      expect(await settled()).toEqual(['site', realpathSync(out).slice(work.length + 1)]);
      expectCompleteSite();
    });
  });

  it('an output path that is a link the build did not make is refused', async () => {
    const foreign = join(work, 'foreign');
    const target = join(work, 'elsewhere');
    mkdirSync(target);
    spawnSync('ln', ['-s', target, foreign]);
    const { code, output } = await build({}, ['--outDir', foreign]);
    expect(code).toBe(2);
    expect(output).toMatch(/là một liên kết \(symlink\) tới ".*elsewhere", không do lệnh dựng tạo ra/);
    expect(readdirSync(target)).toEqual([]);
    rmSync(foreign);
    rmSync(target, { recursive: true });
  });

  it('SIGTERM stops the Astro child, removes the staging folder and leaves the output as it was', async () => {
    // The bundled content: its Astro build runs long enough to be stopped midway.
    const run = startBuild(['--outDir', out, '--root', rootDir], { CONTENT_DIR: resolve(projectRoot, 'content') });
    let astroPid: number | undefined;
    for (let i = 0; i < 600 && !astroPid; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      try {
        astroPid = JSON.parse(readFileSync(`${out}.lock`, 'utf8')).children[0];
      } catch {
        // not written yet
      }
    }
    expect(astroPid).toBeGreaterThan(0);
    // Stopped once Astro has begun to write its output.
    for (let i = 0; i < 1200 && !existsSync(`${out}.staging`); i++) await new Promise((ok) => setTimeout(ok, 50));
    expect(existsSync(`${out}.staging`), run.output().slice(-3000)).toBe(true);
    const before = realpathSync(out);
    run.child.kill('SIGTERM');
    const { signal, output } = await run.exit;
    expect(signal, output.slice(-3000)).toBe('SIGTERM');
    expect(output).toMatch(/Đã dừng bản dựng \(SIGTERM\); .* giữ nguyên như trước/);
    expect(output).not.toMatch(/Site written to/);
    expect(processAlive(astroPid!)).toBe(false);
    expect(existsSync(`${out}.staging`)).toBe(false);
    expect(realpathSync(out)).toBe(before);
    expect(await settled()).toEqual(['site', before.slice(work.length + 1)]);
    expectCompleteSite();
  });
});

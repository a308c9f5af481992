/**
 * The production build (`npm run build`, scripts/build.mjs): strict flags (flags.ts), one build per
 * output at a time (lock.ts), Astro and then the search indexer into a fixed staging folder, and a
 * swap that never leaves the output without a complete site (swap.ts).
 *
 * Exit codes: 0 published; 2 a command line or output path refused; 75 (EX_TEMPFAIL) another build
 * is writing the same output; otherwise the failing step's code. SIGINT, SIGTERM and SIGHUP are
 * passed on to the running child's process group (Astro, the indexer, Pagefind's binary); once it
 * has exited the staging folder is removed, the lock released, and the build ends by the same
 * signal, leaving the output as it was.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { BuildFlagError, USAGE, outDirProblem, parseBuildFlags } from './flags.ts';
import { acquireLock, processAlive, type LockInfo, type OutputLock } from './lock.ts';
import {
  PublishError,
  currentOutput,
  outputLayout,
  pauseForTest,
  publishStaging,
  removeInBackground,
  removeLeftovers,
  repairInterruptedSwap,
  type OutputLayout,
} from './swap.ts';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Forwarded = (typeof FORWARDED)[number];
/** After a forwarded signal, how long a child gets before its group is killed. */
const GRACE_MS = 10_000;

/**
 * Always a production build. Astro reads import.meta.env.DEV/PROD/MODE from the process
 * environment, so a DEV or NODE_ENV inherited from the caller (vitest sets DEV=1, MODE=test)
 * would turn on preview mode, which publishes drafts and scheduled articles.
 */
function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production' };
  for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete clean[key];
  return clean;
}

const fail = (message: string, code: number): never => {
  console.error(message);
  process.exit(code);
};

function describeHolder(holder: LockInfo | 'garbage', layout: OutputLayout): string {
  if (holder === 'garbage') {
    return (
      `Tệp khóa ${layout.lock} không đọc được (không do lệnh dựng ghi). Nếu chắc chắn không còn bản dựng nào đang chạy, ` +
      `hãy xóa tệp đó rồi chạy lại. (unreadable lock file ${layout.lock})`
    );
  }
  return (
    `Một bản dựng khác đang ghi vào ${layout.out} (tiến trình ${holder.pid} trên máy ${holder.host}, bắt đầu lúc ` +
    `${holder.startedAt}); hãy đợi bản dựng đó xong rồi chạy lại. Nếu chắc chắn không còn bản dựng nào đang chạy, ` +
    `hãy xóa tệp ${layout.lock}. (output is locked by pid ${holder.pid}: ${layout.lock})`
  );
}

/** Runs children one at a time and passes a stop signal on to the running one. */
class Children {
  private running: { pid: number; done: Promise<number | null> } | undefined;
  stopping: Forwarded | undefined;
  private readonly lock: OutputLock;

  constructor(lock: OutputLock) {
    this.lock = lock;
    for (const signal of FORWARDED) process.on(signal, () => this.stop(signal));
  }

  private stop(signal: Forwarded): void {
    const again = this.stopping !== undefined;
    this.stopping ??= signal;
    const child = this.running;
    if (!child) return;
    const group = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        // already gone
      }
    };
    if (again) return group('SIGKILL');
    group(signal);
    setTimeout(() => group('SIGKILL'), GRACE_MS).unref();
  }

  /** Run a child in its own process group; resolves with its exit code (null when signalled). */
  async run(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number | null> {
    if (this.stopping) return null;
    const child = spawn(process.execPath, args, {
      ...options,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    const done = new Promise<number | null>((ok) => {
      child.on('error', (error) => {
        console.error(error.message);
        ok(1);
      });
      child.on('exit', (code) => ok(code));
    });
    if (child.pid === undefined) return done;
    this.running = { pid: child.pid, done };
    this.lock.setChildren([child.pid]);
    const code = await done;
    // The group may still hold grandchildren (Pagefind's binary); they must not outlive the step.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // none left
    }
    this.running = undefined;
    this.lock.setChildren([]);
    return code;
  }
}

export async function runBuild(argv: string[], projectRoot: string): Promise<void> {
  let flags;
  try {
    flags = parseBuildFlags(argv);
  } catch (error) {
    if (error instanceof BuildFlagError) fail(`${error.message}\nXem các cờ: npm run build -- --help`, 2);
    throw error;
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const out = resolve(projectRoot, flags.outDir ?? 'dist');
  const problem = outDirProblem(out, projectRoot);
  if (problem) fail(problem, 2);
  const layout = outputLayout(out);
  mkdirSync(layout.dir, { recursive: true });
  try {
    currentOutput(layout);
  } catch (error) {
    if (error instanceof PublishError) fail(error.message, 2);
    throw error;
  }

  const attempt = acquireLock(layout.lock);
  if (!attempt.ok) fail(describeHolder(attempt.holder, layout), 75);
  const { lock, tookOver } = attempt as Extract<typeof attempt, { ok: true }>;
  for (const holder of tookOver) {
    console.log(
      `Đã gỡ khóa của một bản dựng đã dừng (tiến trình ${holder.pid}, bắt đầu lúc ${holder.startedAt}). ` +
        `(stale lock of dead pid ${holder.pid} taken over)`,
    );
  }
  const repaired = repairInterruptedSwap(layout);
  if (repaired) {
    console.log(`Đã hoàn tất lần chuyển trang bị ngắt: ${out} → ${repaired}. (completed an interrupted swap)`);
  }
  const removed = removeLeftovers(layout, processAlive);
  if (removed.length) {
    console.log(
      `Đã dọn ${removed.length} thư mục còn sót từ bản dựng trước: ${removed.join(', ')}. (leftovers removed)`,
    );
  }
  pauseForTest('locked');

  const children = new Children(lock);
  const finishStopped = (): never => {
    rmSync(layout.staging, { recursive: true, force: true });
    lock.release();
    const signal = children.stopping!;
    console.error(
      `\nĐã dừng bản dựng (${signal}); ${out} giữ nguyên như trước. (build stopped by ${signal}; output left as it was)`,
    );
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    // The default action of these signals ends the process; this is not reached.
    return process.exit(1);
  };

  // Astro through its JavaScript API (astro-build.ts): a content error ends with the Vietnamese
  // report and a summary, not Astro's stack trace.
  const astro = resolve(projectRoot, 'scripts/lib/publish/astro-build.ts');
  // The search index is built after Astro has exited, in its own process (scripts/search-index.ts):
  // at news scale the Astro process and Pagefind each take gigabytes, and inside astro:build:done
  // both were alive at once. SEARCH_INDEX_IN_ASTRO=1 keeps the old in-build integration.
  const indexAfter = process.env.SEARCH_INDEX_IN_ASTRO !== '1';
  const env = { ...productionEnv(process.env), CONGDOAN_SEARCH_INDEX: indexAfter ? 'after-build' : 'in-build' };
  const options = { cwd: projectRoot, env };
  let code = await children.run([astro, '--outDir', layout.staging, ...flags.astroArgs], options);
  if (code === 0 && indexAfter && !children.stopping) {
    code = await children.run([resolve(projectRoot, 'scripts/search-index.ts'), layout.staging], options);
  }
  if (children.stopping) finishStopped();
  if (code !== 0) {
    rmSync(layout.staging, { recursive: true, force: true });
    lock.release();
    fail(`\nBuild failed; ${out} was left as it was (bản dựng lỗi, trang đang xuất bản không bị thay đổi).`, code ?? 1);
  }
  if (!lock.held()) {
    // Only if someone deleted the lock by hand and another build took it: never swap under it.
    rmSync(layout.staging, { recursive: true, force: true });
    fail(`Khóa ${layout.lock} đã bị xóa trong lúc dựng; không xuất bản để tránh ghi đè bản dựng khác. (lock lost)`, 75);
  }
  const { version, previous } = publishStaging(layout);
  lock.release();
  console.log(`Site written to ${out} → ${version}`);
  if (previous) removeInBackground(previous);
}

/**
 * Publishing a finished build so that the output path always holds a complete site.
 *
 * The output path (`dist`) is a symbolic link to a versioned folder beside it
 * (`dist.site-20260601T000000-1234`). A new build is published by pointing a new link
 * (`dist.next`) at its folder and renaming that link over `dist`: rename(2) replaces the old link
 * in one step, so a reader (a web server, a deploy tool) sees either the old site or the new one,
 * never none and never a mix. The old folder is deleted afterwards.
 *
 * Why not an exchange of two folders: Linux's renameat2(RENAME_EXCHANGE) would swap two real
 * folders atomically, but Node's fs has no binding for it (no fs.constants.RENAME_EXCHANGE, no
 * renameat2; only rename), and `mv --exchange` needs coreutils 9.5 (Debian 12 ships 9.1). Two
 * renames of folders (the previous scheme) leave a moment with no `dist` at all.
 *
 * A real `dist/` folder from before is migrated once: it is renamed to a versioned name and the
 * link put in its place. That is two renames with nothing at `dist` between them (a directory
 * cannot be replaced by a link in one step); a build killed exactly there leaves the new site at
 * `dist.next`, and the next build moves it into place before anything else
 * (`repairInterruptedSwap`).
 *
 * Every name here is beside the output and derived from it, and only one build at a time touches
 * them (lock.ts). The staging folder has one fixed name per output (`dist.staging`): Astro embeds
 * its output folder in the astro:assets module, so a new name per build would change the code hash
 * of every page with an image and defeat Astro's incremental builds (issue 12).
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface OutputLayout {
  /** The output path readers use (a link once published). */
  out: string;
  dir: string;
  name: string;
  /** Where Astro builds (fixed per output, protected by the lock). */
  staging: string;
  /** The new link, renamed over `out`. */
  next: string;
  lock: string;
}

export function outputLayout(out: string): OutputLayout {
  const dir = dirname(out);
  const name = basename(out);
  return { out, dir, name, staging: `${out}.staging`, next: `${out}.next`, lock: `${out}.lock` };
}

/** A published version's folder name beside the output. */
const versionPrefix = (layout: OutputLayout) => `${layout.name}.site-`;

/** The steps of a build a test can stop at (CONGDOAN_BUILD_PAUSE_AT), in order. */
export const PAUSE_STEPS = ['locked', 'staged', 'versioned', 'linked', 'migrated', 'swapped'] as const;
export type PauseStep = (typeof PAUSE_STEPS)[number];

/**
 * Test hook: with CONGDOAN_BUILD_PAUSE_AT=<step>, the build prints a line and then blocks (the
 * event loop included, so only SIGKILL ends it) when it reaches that step. tests/build/publish.test.ts
 * kills it there to show that every point of the swap leaves a complete site.
 */
export function pauseForTest(step: PauseStep): void {
  if (process.env.CONGDOAN_BUILD_PAUSE_AT !== step) return;
  process.stderr.write(`[build test hook] paused at ${step} (pid ${process.pid})\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

/** The published site, refused (with a Vietnamese message) when `out` is nothing this build made. */
export type CurrentOutput = { kind: 'absent' } | { kind: 'folder' } | { kind: 'link'; version: string };

export class PublishError extends Error {
  override name = 'PublishError';
}

export function currentOutput(layout: OutputLayout): CurrentOutput {
  let stat;
  try {
    stat = lstatSync(layout.out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw error;
  }
  if (stat.isDirectory()) return { kind: 'folder' };
  if (stat.isSymbolicLink()) {
    const target = readlinkSync(layout.out);
    if (target.startsWith(versionPrefix(layout)) && !target.includes('/')) {
      return { kind: 'link', version: join(layout.dir, target) };
    }
    throw new PublishError(
      `${layout.out} là một liên kết (symlink) tới "${target}", không do lệnh dựng tạo ra; lệnh dựng sẽ không ghi đè nó. ` +
        `Hãy xóa liên kết đó hoặc chọn --outDir khác. (output is a foreign symlink)`,
    );
  }
  throw new PublishError(
    `${layout.out} là một tệp, không phải thư mục; hãy xóa hoặc đổi tên nó, hoặc chọn --outDir khác. (output is a file)`,
  );
}

/** A build killed between the two renames of a migration leaves `out` missing and `next` ready. */
export function repairInterruptedSwap(layout: OutputLayout): string | undefined {
  if (currentOutput(layout).kind !== 'absent') return undefined;
  let target: string;
  try {
    target = readlinkSync(layout.next);
  } catch {
    return undefined;
  }
  if (!target.startsWith(versionPrefix(layout)) || !existsSync(join(layout.dir, target))) return undefined;
  renameSync(layout.next, layout.out);
  return target;
}

/** Pid in an older build's leftover name (`dist.staging-1234`, `dist.previous-1234`, `dist.lock.1234.tmp`). */
function pidOfLeftover(layout: OutputLayout, entry: string): number | undefined {
  const n = layout.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m =
    new RegExp(`^${n}\\.(?:staging|previous)-(\\d+)$`).exec(entry) ??
    new RegExp(`^${n}\\.lock\\.(?:stale-)?(\\d+)(?:\\.tmp)?$`).exec(entry);
  return m ? Number(m[1]) : undefined;
}

/**
 * Remove what killed or failed builds left beside the output: the staging folder, unpublished or
 * superseded versions, a dangling `next` link, and the per-pid folders of the previous scheme
 * (`dist.staging-PID`, `dist.previous-PID`) whose build is gone. Call with the lock held. Returns
 * the names removed.
 */
export function removeLeftovers(layout: OutputLayout, pidAlive: (pid: number) => boolean): string[] {
  const current = currentOutput(layout);
  const keep = current.kind === 'link' ? basename(current.version) : undefined;
  const removed: string[] = [];
  for (const entry of readdirSync(layout.dir)) {
    if (!entry.startsWith(`${layout.name}.`)) continue;
    const pid = pidOfLeftover(layout, entry);
    const stale =
      entry === basename(layout.staging) ||
      (entry === basename(layout.next) && current.kind !== 'absent') ||
      (entry.startsWith(versionPrefix(layout)) && entry !== keep) ||
      (pid !== undefined && pid !== process.pid && !pidAlive(pid));
    if (!stale) continue;
    try {
      rmSync(join(layout.dir, entry), { recursive: true, force: true, maxRetries: 3 });
      removed.push(entry);
    } catch (error) {
      // A leftover that cannot be removed (permissions, a busy mount) must not stop the build.
      process.stderr.write(`Không xóa được ${entry} (could not remove leftover): ${(error as Error).message}\n`);
    }
  }
  return removed;
}

function newVersionPath(layout: OutputLayout, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '');
  for (let n = 0; ; n++) {
    const path = join(layout.dir, `${versionPrefix(layout)}${stamp}-${process.pid}${n ? `-${n}` : ''}`);
    if (!existsSync(path)) return path;
  }
}

/**
 * Publish the complete site in `layout.staging`. Synchronous from start to end, so a signal handler
 * cannot run in the middle of it. Returns the new version and the one it replaced (to delete).
 */
export function publishStaging(layout: OutputLayout, now = new Date()): { version: string; previous?: string } {
  const before = currentOutput(layout);
  pauseForTest('staged');
  const version = newVersionPath(layout, now);
  renameSync(layout.staging, version);
  pauseForTest('versioned');
  rmSync(layout.next, { force: true });
  symlinkSync(basename(version), layout.next);
  pauseForTest('linked');
  let previous = before.kind === 'link' ? before.version : undefined;
  if (before.kind === 'folder') {
    previous = newVersionPath(layout, now);
    renameSync(layout.out, previous);
    pauseForTest('migrated');
  }
  renameSync(layout.next, layout.out);
  pauseForTest('swapped');
  return { version, ...(previous ? { previous } : {}) };
}

/**
 * Delete a replaced version in the background: at news scale it is tens of thousands of files (a
 * minute and more on a busy disk), and the new site is already in place. A deletion cut short is
 * finished by the next build (removeLeftovers).
 */
export function removeInBackground(path: string): void {
  const code = `require('node:fs').rmSync(${JSON.stringify(path)}, { recursive: true, force: true, maxRetries: 3 })`;
  spawn(process.execPath, ['-e', code], { detached: true, stdio: 'ignore' }).unref();
}

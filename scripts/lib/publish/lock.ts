/**
 * One build at a time per output folder: a lock file `<out>.lock` beside it, holding the pid of
 * the build, its host, when it started and the pids of its children (Astro, the indexer).
 *
 * Taken with link(2): the lock's content is written to a private file first and then hard-linked
 * to the lock's name, which fails with EEXIST when the name exists, so a lock is never seen half
 * written. A lock whose build and children are all gone (killed with SIGKILL, a power cut) is
 * stale and taken over: it is renamed away to a private name, and only deleted if what was renamed
 * is still the stale lock that was read (another build taking it over at the same moment would
 * have replaced it; that one is put back). A lock from another host (a shared disk) is never
 * judged stale: its pids mean nothing here.
 */
import { hostname } from 'node:os';
import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** Child processes (their process groups), recorded so that a build whose parent was killed
   * while Astro went on writing is not taken over under Astro's feet. */
  children: number[];
}

/** Whether a process exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the build that wrote the lock, or any of its children, may still be running. */
export function lockHolderAlive(info: LockInfo): boolean {
  if (info.host !== hostname()) return true;
  return [info.pid, ...info.children].some(processAlive);
}

function readLock(path: string): LockInfo | null | 'garbage' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    if (typeof info.pid === 'number' && Array.isArray(info.children)) return info;
  } catch {
    // fall through: not written by this module (a lock is never half written)
  }
  return 'garbage';
}

const sameLock = (a: LockInfo, b: LockInfo) => a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;

export class OutputLock {
  readonly path: string;
  readonly info: LockInfo;
  constructor(path: string, info: LockInfo) {
    this.path = path;
    this.info = info;
  }

  /** Record the children now running (replaces the lock file in one rename). */
  setChildren(children: number[]): void {
    this.info.children = children;
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.info));
    renameSync(tmp, this.path);
  }

  /** Whether the lock file is still this build's (nobody may have taken it over). */
  held(): boolean {
    const now = readLock(this.path);
    return now !== null && now !== 'garbage' && sameLock(now, this.info);
  }

  release(): void {
    if (this.held()) rmSync(this.path, { force: true });
  }
}

export type LockAttempt =
  { ok: true; lock: OutputLock; tookOver: LockInfo[] } | { ok: false; holder: LockInfo | 'garbage' };

/**
 * Take the lock at `path`, or report who holds it. `isAlive` decides whether a holder still runs
 * (a parameter so a test can name a live holder without starting one).
 */
export function acquireLock(path: string, isAlive: (info: LockInfo) => boolean = lockHolderAlive): LockAttempt {
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), children: [] };
  const tookOver: LockInfo[] = [];
  const tmp = `${path}.${process.pid}.tmp`;
  for (let attempt = 0; attempt < 5; attempt++) {
    writeFileSync(tmp, JSON.stringify(info));
    try {
      linkSync(tmp, path);
      return { ok: true, lock: new OutputLock(path, info), tookOver };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(tmp);
    }
    const holder = readLock(path);
    if (holder === null) continue; // released in between
    if (holder === 'garbage') return { ok: false, holder };
    if (isAlive(holder)) return { ok: false, holder };
    const reaped = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, reaped);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readLock(reaped);
    if (moved !== null && moved !== 'garbage' && sameLock(moved, holder)) {
      tookOver.push(holder);
    } else {
      // Another build took the stale lock over between our read and our rename: give it back.
      try {
        linkSync(reaped, path);
      } catch {
        // a third build holds it now; either way it is not ours
      }
    }
    rmSync(reaped, { force: true });
  }
  const holder = readLock(path);
  return { ok: false, holder: holder ?? 'garbage' };
}

/**
 * A cache of the content guard's per-file work (src/editor/content-guard.ts): what one file's
 * reading, YAML parsing, schema validation and body checks found, keyed by the SHA-256 of the
 * file's text and the guard's code version, so a rebuild parses only the files that changed.
 * The checks across files (duplicate ids, references, lineage: checkContentIntegrity) still run
 * on every build, on the cached parsed data.
 *
 * A file's result also depends on other files it names (its hero image, images in its body):
 * the guard records each such path and whether it existed, and a cached result is used only
 * while every recorded path still exists or is still missing.
 *
 * The cache is one file (v8 serialisation: dates in the parsed data survive) in Astro's cacheDir,
 * so isolated builds keep their own, and `npm run build -- --force` does not clear it; any change
 * to the guard's code, the schemas, the messages (src/editor, src/model, src/text) or
 * package-lock.json gives a new code version and so an empty cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
/** What the guard found in one file (its checkContentFile result), with the paths it probed. */
export type FileOutcome<T> = T & {
  /** Paths the checks looked for on disk, and whether each existed. */
  probes: Record<string, boolean>;
};

interface Stored<T> {
  version: string;
  files: Record<string, { hash: string; outcome: FileOutcome<T> }>;
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The code version: a hash over the guard's, schemas' and messages' sources and the lockfile. */
export function guardCodeVersion(srcDir: string, lockfile?: string): string {
  const hash = createHash('sha256');
  for (const sub of ['editor', 'model', 'text']) {
    const dir = join(srcDir, sub);
    if (!existsSync(dir)) continue;
    const files = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.(ts|js|mjs|json)$/.test(f))
      .sort();
    for (const f of files)
      hash
        .update(`${sub}/${f}\n`)
        .update(readFileSync(join(dir, f)))
        .update('\n');
  }
  if (lockfile && existsSync(lockfile)) hash.update(readFileSync(lockfile));
  return hash.digest('hex');
}

export class GuardCache<T> {
  private readonly path: string;
  private readonly version: string;
  private previous: Stored<T>['files'] = {};
  private readonly next: Stored<T>['files'] = {};
  /** Files answered from the cache and files checked again, this run. */
  hits = 0;
  misses = 0;

  constructor(path: string, version: string) {
    this.path = path;
    this.version = version;
    try {
      const stored = deserialize(readFileSync(path)) as Stored<T>;
      if (stored.version === version) this.previous = stored.files;
    } catch {
      // no cache yet, or an unreadable one: start empty
    }
  }

  /** The cached outcome of `file` with text hash `hash`, if its recorded probes still hold. */
  get(file: string, hash: string, exists: (path: string) => boolean = existsSync): FileOutcome<T> | undefined {
    const stored = this.previous[file];
    const valid =
      stored?.hash === hash &&
      Object.entries(stored.outcome.probes).every(([path, existed]) => exists(path) === existed);
    if (valid) this.hits++;
    else this.misses++;
    return valid ? stored.outcome : undefined;
  }

  set(file: string, hash: string, outcome: FileOutcome<T>): void {
    this.next[file] = { hash, outcome };
  }

  /** Write what this run saw (files no longer in the tree are dropped). */
  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize({ version: this.version, files: this.next } satisfies Stored<T>));
    renameSync(tmp, this.path);
  }
}

/** Size on disk of a built folder, for the benchmarks. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface DirSize {
  bytes: number;
  files: number;
  /** Bytes by the kind `kindOf` gives each file path. */
  byKind: Record<string, number>;
}

/** Bytes and number of the files below `dir` (zero when it does not exist). */
export function dirSize(dir: string, kindOf: (path: string) => string = () => 'file'): DirSize {
  const size: DirSize = { bytes: 0, files: 0, byKind: {} };
  if (!existsSync(dir)) return size;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = statSync(path).size;
    const kind = kindOf(path);
    size.bytes += bytes;
    size.files++;
    size.byKind[kind] = (size.byKind[kind] ?? 0) + bytes;
  }
  return size;
}

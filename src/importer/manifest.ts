/**
 * Nothing lost, nothing clobbered. A manifest (content/.import-manifest.json) records, for each
 * file the importer wrote, the source it came from and a hash of what was written. A file
 * whose current hash differs was edited since: it is never overwritten without --force. A file
 * the importer did not write is never touched (a new id is chosen instead).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ManifestEntry {
  /** Input path as given, relative to the working directory. */
  source: string;
  /** sha256 of the file content the importer wrote. */
  hash: string;
  /** When it was written (ISO). */
  at: string;
}

/** What a crawl did with one page URL, so the next crawl need not fetch it again. */
export interface PageRecord {
  /** Manifest keys of the files written from the page (empty when it was skipped). */
  files: string[];
  /** When it was first recorded (ISO). */
  at: string;
  /** Why it was not imported: "before-since" (with its day) or "not-article". */
  skipped?: 'before-since' | 'not-article';
  /** The article's day "YYYY-MM-DD" (Vietnam), when known. */
  day?: string | null;
  /** The URL the page was fetched from after redirects, when different. */
  final?: string;
}

export interface Manifest {
  version: 1;
  /** Keyed by output path relative to the manifest's folder, "/"-separated. */
  files: Record<string, ManifestEntry>;
  /** Crawl mode: page URL → what it gave (absent until the first crawl). */
  pages?: Record<string, PageRecord>;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function readManifest(path: string): Manifest {
  if (!existsSync(path)) return { version: 1, files: {} };
  const data = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (
    data?.version !== 1 ||
    typeof data.files !== 'object' ||
    (data.pages !== undefined && typeof data.pages !== 'object')
  )
    throw new Error(`${path}: không đọc được sổ nhập bài (manifest); không sửa tay tệp này.`);
  return data;
}

export function writeManifest(path: string, manifest: Manifest): void {
  const sorted: Manifest = {
    version: 1,
    files: Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b))),
    ...(manifest.pages && Object.keys(manifest.pages).length
      ? { pages: Object.fromEntries(Object.entries(manifest.pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }
      : {}),
  };
  const text = `${JSON.stringify(sorted, null, 2)}\n`;
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept-edited' | 'overwritten';

/** Decide what to do with one planned file. */
export function decide(
  existing: string | null,
  planned: string,
  entry: ManifestEntry | undefined,
  force: boolean,
): WriteOutcome {
  if (existing === null) return 'created';
  if (existing === planned) return 'unchanged';
  if (entry && sha256(existing) === entry.hash) return 'updated';
  return force ? 'overwritten' : 'kept-edited';
}

/**
 * The crawl's journal beside the manifest (`.import-manifest.json.journal`): one JSON line per
 * page, appended as soon as the page's files are written, holding the manifest records it added.
 * The manifest itself is rewritten at most once a second; a crawl killed in between (power loss,
 * SIGKILL) loses nothing, because the next crawl replays the journal into the manifest first.
 */
export interface JournalLine {
  page: string;
  record: PageRecord;
  files: Record<string, ManifestEntry>;
}

export const journalPath = (manifestPath: string) => `${manifestPath}.journal`;

export function appendJournal(manifestPath: string, line: JournalLine): void {
  mkdirSync(dirname(manifestPath), { recursive: true });
  appendFileSync(journalPath(manifestPath), `${JSON.stringify(line)}\n`);
}

/** Replay a journal left by an interrupted crawl into the manifest; the number of lines replayed. */
export function replayJournal(manifestPath: string, manifest: Manifest): number {
  const path = journalPath(manifestPath);
  if (!existsSync(path)) return 0;
  let replayed = 0;
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      continue; // the last line of a crash may be cut short: that page is simply fetched again
    }
    Object.assign(manifest.files, line.files);
    (manifest.pages ??= {})[line.page] = line.record;
    replayed++;
  }
  return replayed;
}

/** After the manifest is written: the journal's lines are in it. */
export function clearJournal(manifestPath: string): void {
  rmSync(journalPath(manifestPath), { force: true });
}

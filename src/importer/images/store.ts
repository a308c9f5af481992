/**
 * Where imported pictures live: content/news/images/<year>/<hash12>.<ext>, beside the articles
 * (the news schema's hero is "./images/…" relative to content/news; a body's Markdown image is
 * relative to its article the same way). <year> is the article's publication year
 * ("khong-ro-nam" when the source states no date); <hash12> the first 12 hex digits of the
 * sha256 of the file. The name is the content: the same picture used by several articles, in
 * one run or across runs, is one file, found by its hash wherever it was first stored. A stored
 * file is never written again, so a picture an editor replaced under the same name stays theirs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { ManifestEntry } from '../manifest.ts';
import type { CheckedImage } from './check.ts';

export const IMAGES_FOLDER = 'images';
export const UNDATED_FOLDER = 'khong-ro-nam';
const STORED_NAME = /^([0-9a-f]{12})\.(jpg|png|webp|gif|avif)$/;

/** The folder of an article's pictures: its publication year, or the undated folder. */
export const yearFolder = (publishedAt: string | null | undefined): string =>
  publishedAt && /^\d{4}/.test(publishedAt) ? publishedAt.slice(0, 4) : UNDATED_FOLDER;

export type StoredOutcome = 'created' | 'unchanged' | 'reused' | 'kept-edited';

export interface Placement {
  /** Absolute path of the file. */
  abs: string;
  /** The path as an article writes it: "./images/2022/0123456789ab.jpg". */
  markdownPath: string;
  outcome: StoredOutcome;
  /** Present while the file is not on disk yet (planned by this article or an earlier one of the run). */
  bytes?: Uint8Array;
  hash: string;
}

export class ImageStore {
  private index: Map<string, string> | null = null;
  /** content/news (absolute): the folder articles and the images folder are in. */
  private readonly newsDir: string;
  /** The import manifest's records (read to tell reuse from an earlier import of the same source). */
  private readonly manifest: Record<string, ManifestEntry>;
  /** Manifest key of an absolute path. */
  private readonly key: (abs: string) => string;
  constructor(newsDir: string, manifest: Record<string, ManifestEntry>, key: (abs: string) => string) {
    this.newsDir = newsDir;
    this.manifest = manifest;
    this.key = key;
  }

  /** hash12 → absolute path of every stored picture (read once a run). */
  private stored(): Map<string, string> {
    if (this.index) return this.index;
    const index = new Map<string, string>();
    const root = join(this.newsDir, IMAGES_FOLDER);
    if (existsSync(root))
      for (const folder of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (!folder.isDirectory()) continue;
        for (const name of readdirSync(join(root, folder.name)).sort()) {
          const m = STORED_NAME.exec(name);
          if (m && !index.has(m[1]!)) index.set(m[1]!, join(root, folder.name, name));
        }
      }
    this.index = index;
    return index;
  }

  /** Where a checked picture goes (or already is) for an article of `source` in `year`. */
  place(image: CheckedImage, year: string, source: string): Placement {
    const hash12 = image.hash.slice(0, 12);
    const index = this.stored();
    const existing = index.get(hash12);
    const markdownPath = (abs: string) => `./${relative(this.newsDir, abs).split('\\').join('/')}`;
    if (existing) {
      const entry = this.manifest[this.key(existing)];
      let outcome: StoredOutcome = entry?.source === source ? 'unchanged' : 'reused';
      if (entry && existsSync(existing)) {
        const current = createHash('sha256').update(readFileSync(existing)).digest('hex');
        if (current !== entry.hash) outcome = 'kept-edited';
      }
      const onDisk = existsSync(existing);
      return {
        abs: existing,
        markdownPath: markdownPath(existing),
        outcome: onDisk ? outcome : 'reused',
        hash: image.hash,
        ...(onDisk ? {} : { bytes: image.bytes }),
      };
    }
    const abs = join(this.newsDir, IMAGES_FOLDER, year, `${hash12}.${image.ext}`);
    index.set(hash12, abs); // a second article with the same picture in this run reuses it
    return { abs, markdownPath: markdownPath(abs), outcome: 'created', bytes: image.bytes, hash: image.hash };
  }

  /**
   * Write a picture not yet on disk (atomically) and record it in the manifest; true when this
   * call wrote it. Pictures are written with their article only: an article kept as the editor
   * left it gets no new files it does not reference.
   */
  write(placement: Placement, source: string, at: string): boolean {
    if (!placement.bytes || existsSync(placement.abs)) return false;
    mkdirSync(dirname(placement.abs), { recursive: true });
    const tmp = join(dirname(placement.abs), `.${basename(placement.abs)}.${process.pid}.tmp`);
    writeFileSync(tmp, placement.bytes);
    renameSync(tmp, placement.abs);
    this.manifest[this.key(placement.abs)] = { source, hash: placement.hash, at };
    return true;
  }
}

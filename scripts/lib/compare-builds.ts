/**
 * Compares two built sites file by file, apart from hashed asset names: every `/_astro/…` file is
 * named by the SHA-256 of its content on both sides, and references to it in pages are rewritten
 * the same way, so a refactor that renames a chunk but changes no byte a reader gets compares equal.
 * Pagefind's word index, filter and metadata files (of the bundle, or of each shard) are left out: their bytes depend on the order the
 * pages were added in, which differs between two builds of the same tree. Its fragments (one per
 * page: URL, text, metadata and filters) are compared, so every page's search record still is.
 * Used by scripts/compare-builds.ts and tests/build/incremental.test.ts.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// In one bundle (pagefind/…) or in each shard of a sharded index (pagefind/<shard>/…).
const ORDER_DEPENDENT = /^pagefind\/(?:[^/]+\/)?(index\/|filter\/|pagefind\.[^/]+\.pf_meta$|pagefind-entry\.json$)/;
const TEXT = /\.(html|xml|css|js|json|txt|yml|svg|webmanifest)$|_headers$/;

function filesOf(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .sort();
}

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** The site's files keyed by a hash-free path, with hashed asset references replaced by content hashes. */
function normalisedSite(root: string): Map<string, string> {
  const files = filesOf(root).filter((f) => !ORDER_DEPENDENT.test(f));
  const assetName = new Map<string, string>();
  for (const f of files) {
    if (f.startsWith('_astro/')) {
      const ext = f.slice(f.lastIndexOf('.'));
      assetName.set(f, `_astro/${sha(readFileSync(join(root, f)))}${ext}`);
    }
  }
  const rewrite = (text: string) =>
    text.replace(/_astro\/[^"'\s),;?#]+/g, (ref) => assetName.get(ref.replace(/\?.*$/, '')) ?? ref);
  const out = new Map<string, string>();
  for (const f of files) {
    const data = readFileSync(join(root, f));
    const key = assetName.get(f) ?? f;
    out.set(key, TEXT.test(f) ? sha(rewrite(data.toString('utf8'))) : sha(data));
  }
  return out;
}

/** The differences between two built sites, one line each ("only in A: x", "differs: y"); empty when equal. */
export function compareSites(a: string, b: string): { differences: string[]; files: [number, number] } {
  const left = normalisedSite(a);
  const right = normalisedSite(b);
  const differences: string[] = [];
  for (const [path, hash] of left) {
    if (!right.has(path)) differences.push(`only in ${a}: ${path}`);
    else if (right.get(path) !== hash) differences.push(`differs: ${path}`);
  }
  for (const path of right.keys()) if (!left.has(path)) differences.push(`only in ${b}: ${path}`);
  return { differences, files: [left.size, right.size] };
}

/**
 * The content guard's per-file cache (src/editor/guard-cache.ts): a run answered from the cache
 * reports exactly the problems of a cold run — for every case of the bad-content corpus, cross-file
 * checks (references, lineage, dates against founding and mergers) included — and a file that
 * changed, an image that appeared or disappeared, or a new code version is checked again.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentTree, type FileCheck } from '#src/editor/content-guard.ts';
import { GuardCache, guardCodeVersion } from '#src/editor/guard-cache.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

const corpus = join(projectRoot, 'tests/fixtures/bad-content');
const now = new Date('2026-11-01T00:00:00+07:00');
const work = mkdtempSync(join(tmpdir(), 'guard-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Run the guard with a cache file, as a build does (load, check, save). */
function cachedRun(root: string, cacheFile: string, version = 'v1') {
  const cache = new GuardCache<FileCheck>(cacheFile, version);
  const problems = checkContentTree(root, { projectRoot, now, cache });
  cache.save();
  return { problems, hits: cache.hits, misses: cache.misses };
}

describe('a cached guard run reports what a cold run reports', () => {
  it.each(readdirSync(corpus))('%s', (name) => {
    const root = join(corpus, name);
    const cacheFile = join(work, `${name}.v8`);
    const cold = checkContentTree(root, { projectRoot, now });
    const first = cachedRun(root, cacheFile);
    const second = cachedRun(root, cacheFile);
    expect(first.problems).toEqual(cold);
    expect(second.problems).toEqual(cold);
    expect(second.misses).toBe(0);
    expect(second.hits).toBe(first.misses);
  });
});

describe('what makes the guard check a file again', () => {
  const root = join(work, 'tree');
  const cacheFile = join(work, 'tree.v8');
  cpSync(join(corpus, 'valid'), root, { recursive: true });
  const news = readdirSync(join(root, 'news')).find((f) => /\.mdx?$/.test(f))!;

  it('an edited file, and only that one', () => {
    const before = cachedRun(root, cacheFile);
    expect(before.problems).toEqual([]);
    writeFileSync(join(root, 'news', news), '---\ntitle: Tin\n---\n\nNội dung.\n');
    const after = cachedRun(root, cacheFile);
    expect(after.misses).toBe(1);
    expect(after.problems).toEqual(checkContentTree(root, { projectRoot, now }));
    expect(after.problems.length).toBeGreaterThan(0);
  });

  it('an image the file names that disappears or appears', () => {
    writeFileSync(join(root, 'news', news), '---\ntitle: Tin\nsummary: Tóm tắt.\n---\n\n![Ảnh hội nghị](./anh.jpg)\n');
    const missing = cachedRun(root, cacheFile);
    expect(missing.problems.map((p) => p.message).join('\n')).toMatch(/không tìm thấy ảnh "\.\/anh\.jpg"/);
    writeFileSync(join(root, 'news', 'anh.jpg'), 'x');
    const present = cachedRun(root, cacheFile);
    expect(present.misses).toBe(1);
    expect(present.problems).toEqual(checkContentTree(root, { projectRoot, now }));
    unlinkSync(join(root, 'news', 'anh.jpg'));
    expect(cachedRun(root, cacheFile).problems).toEqual(missing.problems);
  });

  it('a new code version (guard, schemas, messages or lockfile changed)', () => {
    cachedRun(root, cacheFile, 'v1');
    const other = cachedRun(root, cacheFile, 'v2');
    expect(other.hits).toBe(0);
  });

  it('the code version follows the sources of src/editor, src/model and src/text', () => {
    const src = join(work, 'src');
    cpSync(join(projectRoot, 'src/model'), join(src, 'model'), { recursive: true });
    const before = guardCodeVersion(src);
    expect(guardCodeVersion(src)).toBe(before);
    writeFileSync(join(src, 'model', 'extra.ts'), 'export const x = 1;\n');
    expect(guardCodeVersion(src)).not.toBe(before);
  });
});

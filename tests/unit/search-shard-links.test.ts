/**
 * Reused search shards are put in place as hard links (src/integrations/pagefind.ts
 * linkOrCopyTree): the same files, nested folders included, sharing the cache's inodes; where a
 * link cannot be made the folder is copied instead, with the same content.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkOrCopyTree } from '#src/integrations/pagefind.ts';

const work = mkdtempSync(join(tmpdir(), 'shard-links-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES = ['pagefind-entry.json', 'index/vi_1.pf_index', 'fragment/vi_2.pf_fragment', 'a/b/c.txt'];

function shard(dir: string): string {
  for (const [i, name] of FILES.entries()) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), `file ${i}`);
  }
  return dir;
}

describe('linkOrCopyTree', () => {
  it('links every file of the tree, nested folders included', async () => {
    const from = shard(join(work, 'cache-a'));
    const to = join(work, 'site-a', 'pagefind', 'nam-2024');
    await linkOrCopyTree(from, to);
    for (const name of FILES) {
      expect(readFileSync(join(to, name), 'utf8')).toBe(readFileSync(join(from, name), 'utf8'));
      expect(statSync(join(to, name)).ino).toBe(statSync(join(from, name)).ino);
    }
  });

  it('copies when a link cannot be made (here: a file already at the target)', async () => {
    const from = shard(join(work, 'cache-b'));
    const to = join(work, 'site-b');
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, FILES[0]!), 'stale');
    await linkOrCopyTree(from, to);
    for (const name of FILES) expect(readFileSync(join(to, name), 'utf8')).toBe(readFileSync(join(from, name), 'utf8'));
    expect(statSync(join(to, FILES[0]!)).ino).not.toBe(statSync(join(from, FILES[0]!)).ino);
  });
});

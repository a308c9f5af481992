/**
 * What the importer writes for each of the five seed articles, file by file: the article
 * (news/<id>.md) and the draft award records it proposes (awards/<id>.yaml), against the files
 * committed in tests/fixtures/import/expected/<seed>/. A change to the importer's output shows as
 * a diff of those files. After a deliberate change, rewrite them with
 *   npx vitest run --project unit tests/unit/importer/seed-snapshots.test.ts -u
 * and delete any file the importer no longer writes (the first test names it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type InputResult } from '#src/importer/run.ts';
import { FIXTURES, SEEDS, tempContent } from './support.ts';

const EXPECTED = join(FIXTURES, 'expected');
const SEED_FILES = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Files below `dir`, as sorted paths relative to it ("news/x.md"). */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

let root: string;
let results: InputResult[];
beforeAll(async () => {
  const tree = tempContent();
  root = tree.root;
  results = await runImport({ inputs: [SEEDS], outDir: tree.news, today: '2026-11-23' });
});

/** The files the import of `seed` wrote, relative to the content root. */
function writtenFor(seed: string): string[] {
  const result = results.find((r) => basename(r.source) === seed);
  if (!result?.ok) throw new Error(`${seed} did not import: ${result?.error}`);
  return result.files!.map((f) => relative(root, resolve(process.cwd(), f.path)).split('\\').join('/')).sort();
}

it('has the five seeds to import', () => {
  expect(SEED_FILES).toHaveLength(5);
});

describe.each(SEED_FILES)('seed %s', (seed) => {
  const expected = join(EXPECTED, seed.replace(/\.txt$/, ''));

  it('writes the expected files and no others', () => {
    expect(writtenFor(seed)).toEqual(filesBelow(expected));
  });

  it('writes each file as expected', async () => {
    for (const file of writtenFor(seed)) {
      await expect(readFileSync(join(root, file), 'utf8')).toMatchFileSnapshot(join(expected, file));
    }
  });
});

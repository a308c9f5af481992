/**
 * The repository stands alone: no file names a path outside it (the sibling folder of shared
 * material beside the checkout, or the machine's tree it was developed in), so a fresh clone
 * builds and tests with nothing beside it. Fixtures (tests/fixtures/) are exempt: they are data,
 * quoted as found. This file builds its examples from parts, so it names no such path either.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/paths.ts';

/** The sibling folder "shared" one or more levels up, or an absolute path under "/work". */
const OUTSIDE = /(?<![\w.-])(?:\.\.\/)+shared(?![\w-])|(?<![\w.-])\/work\//;

/** Lines of `text` that name a path outside the repository, as "line: text". */
function outsidePaths(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (OUTSIDE.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
}

// The examples below, from parts: the sibling folder and the machine's tree.
const up = (levels: number) => '../'.repeat(levels);
const sibling = (levels: number, rest: string) => `${up(levels)}${'shared'}/${rest}`;
const machineTree = (rest: string) => `/${'work'}/${rest}`;

/** Files git tracks, and new ones it does not ignore. */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (git.status !== 0) throw new Error(`git ls-files failed: ${git.stderr}`);
  return git.stdout.split('\0').filter(Boolean);
}

describe('paths outside the repository', () => {
  it.each([
    ['the sibling folder', `join(projectRoot, '${sibling(1, 'seeds')}')`, true],
    ['the sibling folder, further up', `see ${sibling(2, 'DOMAIN.md')}`, true],
    ['the machine’s tree', `process.env.SEEDS_DIR ?? '${machineTree('shared/seeds')}'`, true],
    ['a folder inside the repository', "join(projectRoot, 'tests/fixtures/seeds')", false],
    ['a word that only contains them', `src${machineTree('x.ts')}, ./shared/x.ts, ${up(1)}shared-state`, false],
  ])('are recognised: %s', (_name, line, found) => {
    expect(outsidePaths(line).length > 0).toBe(found);
  });

  it('are named by no file outside tests/fixtures', () => {
    const files = repositoryFiles().filter((f) => !f.startsWith('tests/fixtures/'));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => {
      const bytes = readFileSync(join(projectRoot, file));
      if (bytes.includes(0)) return []; // binary
      return outsidePaths(bytes.toString('utf8')).map((line) => `${file}:${line}`);
    });
    expect(found).toEqual([]);
  });
});

/** The benchmarks' command lines: flags read, mistakes refused, the archive's sizes defaulted. */
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FLAGS, archiveSize, benchFlags } from '../../scripts/lib/bench-args.ts';

const KNOWN = { values: [...ARCHIVE_FLAGS, 'work'], switches: ['keep', 'compare-hugo'] };
const USAGE = 'Usage: npm run bench -- --articles N';
const read = (argv: string[]) => benchFlags(argv, KNOWN, USAGE);

describe('benchFlags', () => {
  it.each([
    [['--articles', '1000', '--keep'], { articles: '1000', keep: true, hugo: false }],
    [['--compare-hugo', '--articles', '50000', '--work', 'w'], { articles: '50000', keep: false, hugo: true }],
  ])('%j', (argv, want) => {
    const flags = read(argv);
    expect(flags.get('articles')).toBe(want.articles);
    expect(flags.has('keep')).toBe(want.keep);
    expect(flags.has('compare-hugo')).toBe(want.hugo);
  });

  it.each([
    [['--article', '1000'], 'Unknown argument "--article"'],
    [['--articles', '1000', '--compare-hugos'], 'Unknown argument "--compare-hugos"'],
    [['--articles', '1000', 'extra'], 'Unknown argument "extra"'],
    [['--articles'], '--articles needs a value'],
    [['--articles', '--keep'], '--articles needs a value'],
  ])('refuses %j', (argv, message) => {
    expect(() => read(argv)).toThrow(message);
  });

  it.each([['-3'], ['zero'], ['Infinity']])('refuses --units %s', (v) => {
    expect(() => read(['--articles', '10', '--units', v]).num('units')).toThrow(
      `--units needs a number ≥ 0, got "${v}"`,
    );
  });
});

describe('archiveSize', () => {
  it.each([
    [['--articles', '1000'], { articles: 1000, units: 50, awards: 300, seed: 1, mdxShare: 0.05, images: 12 }],
    [['--articles', '10000', '--units', '500', '--awards', '3000'], { articles: 10000, units: 500, awards: 3000 }],
    [['--articles', '100'], { units: 40, awards: 30 }],
    [['--articles', '50000'], { units: 500, awards: 15000 }],
  ])('%j', (argv, want) => {
    expect(archiveSize(read(argv), USAGE)).toMatchObject(want);
  });

  it('needs --articles', () => {
    expect(() => archiveSize(read(['--keep']), USAGE)).toThrow(USAGE);
  });
});

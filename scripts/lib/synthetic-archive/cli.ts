/**
 * Write a synthetic archive from the command line (Node 24 strips the types):
 *   node scripts/lib/synthetic-archive/cli.ts --dir /tmp/archive/content --articles 10000 \
 *     [--units 500] [--awards 3000] [--seed 1] [--mdx-share 0.1] [--images 12] [--base content]
 * Prints one JSON line: what was written, and how long it took.
 */
import { parseArgs } from 'node:util';
import { generateArchive, type ArchiveOptions } from './index.ts';

const USAGE =
  'Usage: node scripts/lib/synthetic-archive/cli.ts --dir <content dir> --articles N [--units U] [--awards A] [--seed S] [--mdx-share F] [--images I] [--base content]';

/** Numeric options: command-line name → option. */
const NUMBERS = {
  articles: 'articles',
  units: 'units',
  awards: 'awards',
  seed: 'seed',
  'mdx-share': 'mdxShare',
  images: 'images',
} as const satisfies Record<string, keyof ArchiveOptions>;
type NumericOption = (typeof NUMBERS)[keyof typeof NUMBERS];

function archiveOptions(argv: string[]): ArchiveOptions {
  const text = { type: 'string' } as const;
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: text,
      base: text,
      articles: text,
      units: text,
      awards: text,
      seed: text,
      'mdx-share': text,
      images: text,
    },
  });
  const numbers: Partial<Record<NumericOption, number>> = {};
  for (const [name, option] of Object.entries(NUMBERS) as [keyof typeof NUMBERS, NumericOption][]) {
    const value = values[name];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new Error(`--${name} needs a number, got "${value}"`);
    numbers[option] = n;
  }
  const { dir, base } = values;
  if (dir === undefined || numbers.articles === undefined) throw new Error(USAGE);
  return { ...numbers, dir, articles: numbers.articles, ...(base === undefined ? {} : { base }) };
}

const started = performance.now();
try {
  const archive = await generateArchive(archiveOptions(process.argv.slice(2)));
  console.log(
    JSON.stringify({
      dir: archive.dir,
      articles: archive.articles.length,
      mdx: archive.articles.filter((a) => a.mdx).length,
      units: archive.units.length,
      awards: archive.awards.length,
      images: archive.images.length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    }),
  );
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

/**
 * The benchmarks' command lines (npm run bench, bench:dev): `--name value` flags and bare
 * switches, an unknown flag or a value that is not a number ≥ 0 refused with the usage line, and
 * the synthetic archive's sizes with the same defaults in every benchmark.
 */

export interface BenchFlags {
  /** The value after `--name`, or undefined. */
  get(name: string): string | undefined;
  /** A number ≥ 0 after `--name`, or the fallback. */
  num(name: string, fallback?: number): number | undefined;
  /** Whether the bare switch `--name` is given. */
  has(name: string): boolean;
}

/** Reads argv; `values` are the flags that take a value, `switches` the bare ones. */
export function benchFlags(
  argv: readonly string[],
  known: { values: readonly string[]; switches: readonly string[] },
  usage: string,
): BenchFlags {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.replace(/^--/, '');
    if (a.startsWith('--') && known.values.includes(name)) {
      if (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) throw new Error(`${a} needs a value. ${usage}`);
      i++;
    } else if (!(a.startsWith('--') && known.switches.includes(name))) {
      throw new Error(`Unknown argument "${a}". ${usage}`);
    }
  }
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    get,
    num(name, fallback) {
      const v = get(name);
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} needs a number ≥ 0, got "${v}"`);
      return n;
    },
    has: (name) => argv.includes(`--${name}`),
  };
}

/** Flags of the synthetic archive's size, shared by the benchmarks. */
export const ARCHIVE_FLAGS = ['articles', 'units', 'awards', 'seed', 'mdx-share', 'images'] as const;

export interface ArchiveSize {
  articles: number;
  units: number;
  awards: number;
  seed: number;
  mdxShare: number;
  images: number;
}

/** The archive's size from the flags: `--articles` required, the rest defaulted from it. */
export function archiveSize(flags: BenchFlags, usage: string): ArchiveSize {
  const articles = flags.num('articles');
  if (articles === undefined) throw new Error(usage);
  return {
    articles,
    units: flags.num('units', Math.min(500, Math.max(40, Math.round(articles / 20))))!,
    awards: flags.num('awards', Math.round(articles * 0.3))!,
    seed: flags.num('seed', 1)!,
    mdxShare: flags.num('mdx-share', 0.05)!,
    images: flags.num('images', 12)!,
  };
}

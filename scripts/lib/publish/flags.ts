/**
 * The flags `npm run build` (scripts/build.mjs) accepts, parsed strictly: each at most once, in
 * either form (`--outDir X` or `--outDir=X`), and nothing unknown. An unknown flag used to be passed
 * on to `astro build`, so `--outDir=X` or a second `--outDir` reached Astro, which then built into
 * the live `dist/` while this script swapped an empty staging folder (issue 13, item 1).
 *
 * Allowed are the `astro build` flags a user of this project needs (from `astro build --help`,
 * Astro 7.3): where the site goes and under which address (`--outDir`, `--base`, `--site`), which
 * project (`--root`, used by the isolated builds of the tests and the benchmark), a cold build
 * (`--force`: clears the content-layer cache), and logging (`--verbose`, `--silent`). Left out on
 * purpose: `--mode` and `--devOutput` (a development build would publish drafts and scheduled
 * articles: the preview mode follows import.meta.env.DEV), `--config` (another config may leave out
 * the content guard and the security headers), `--json` (the build and the benchmark read Astro's
 * plain log).
 */

/** Flags that take a value, with the placeholder shown in messages. */
const VALUE_FLAGS = {
  '--outDir': 'THƯ-MỤC',
  '--root': 'THƯ-MỤC',
  '--base': '/ĐƯỜNG-DẪN/',
  '--site': 'https://TÊN-MIỀN',
} as const;
const SWITCHES = ['--force', '--verbose', '--silent'] as const;
const HELP = ['--help', '-h'] as const;

type ValueFlag = keyof typeof VALUE_FLAGS;

export interface BuildFlags {
  /** `--outDir`, as given (resolved by the caller), or undefined for the default `dist`. */
  outDir: string | undefined;
  /** What goes on to `astro build`, always in the `--flag value` form. */
  astroArgs: string[];
  help: boolean;
}

/** A command line the build refuses; `message` is Vietnamese with the technical text in brackets. */
export class BuildFlagError extends Error {
  override name = 'BuildFlagError';
}

const isValueFlag = (name: string): name is ValueFlag => Object.hasOwn(VALUE_FLAGS, name);
const isSwitch = (name: string): boolean => (SWITCHES as readonly string[]).includes(name);

/** One line per accepted flag, for the usage text and the "unknown flag" message. */
export const ACCEPTED_FLAGS: readonly string[] = [
  ...Object.entries(VALUE_FLAGS).map(([flag, value]) => `${flag} ${value}`),
  ...SWITCHES,
];

export const USAGE = [
  'Cách dùng: npm run build -- [--outDir THƯ-MỤC] [--base /ĐƯỜNG-DẪN/] [--site https://TÊN-MIỀN] [--root THƯ-MỤC] [--force] [--verbose | --silent]',
  '  --outDir   nơi xuất bản trang (mặc định: dist); cũng viết được --outDir=THƯ-MỤC',
  '  --base     đường dẫn gốc khi trang nằm trong một thư mục con của tên miền',
  '  --site     địa chỉ đầy đủ của trang (thay cho biến SITE_URL)',
  '  --root     thư mục dự án Astro khác (các bản dựng tách riêng của kiểm thử, benchmark)',
  '  --force    xóa bộ nhớ đệm nội dung, dựng lại từ đầu',
  '  --verbose, --silent   ghi nhiều hơn / ít hơn',
].join('\n');

/** Parse the build's command line; throws BuildFlagError for anything it does not accept. */
export function parseBuildFlags(argv: readonly string[]): BuildFlags {
  const seen = new Set<string>();
  const values: Partial<Record<ValueFlag, string>> = {};
  const switches: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((HELP as readonly string[]).includes(arg)) {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      throw new BuildFlagError(
        `Đối số không hợp lệ: "${arg}". Lệnh dựng chỉ nhận các cờ: ${ACCEPTED_FLAGS.join(', ')}. (unexpected argument "${arg}")`,
      );
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!isValueFlag(name) && !isSwitch(name)) {
      throw new BuildFlagError(
        `Cờ không hợp lệ: "${name}". Lệnh dựng chỉ nhận: ${ACCEPTED_FLAGS.join(', ')}; ` +
          `các cờ khác không được chuyển cho Astro. (unknown flag "${name}")`,
      );
    }
    if (seen.has(name)) {
      throw new BuildFlagError(
        `Cờ "${name}" được ghi nhiều lần; hãy chỉ ghi một lần. (flag "${name}" given more than once)`,
      );
    }
    seen.add(name);
    if (isSwitch(name)) {
      if (eq >= 0) {
        throw new BuildFlagError(`Cờ "${name}" không nhận giá trị; hãy bỏ phần "=…". (flag "${name}" takes no value)`);
      }
      switches.push(name);
      continue;
    }
    const flag = name as ValueFlag;
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) value = argv[++i];
    if (!value) {
      throw new BuildFlagError(
        `Cờ "${flag}" cần một giá trị, ví dụ: ${flag} ${VALUE_FLAGS[flag]}. (flag "${flag}" needs a value)`,
      );
    }
    values[flag] = value;
  }
  if (switches.includes('--verbose') && switches.includes('--silent')) {
    throw new BuildFlagError(
      'Không dùng được cả --verbose lẫn --silent; hãy chọn một. (--verbose and --silent are exclusive)',
    );
  }
  const astroArgs: string[] = [];
  for (const flag of ['--root', '--base', '--site'] as const) {
    if (values[flag] !== undefined) astroArgs.push(flag, values[flag]);
  }
  astroArgs.push(...switches);
  return { outDir: values['--outDir'], astroArgs, help };
}

/**
 * Why `outDir` cannot hold the site, or undefined. The swap renames the output folder and deletes
 * the one it replaces, so it must never be the project, a folder holding it, or a folder of sources.
 */
export function outDirProblem(outDir: string, projectRoot: string): string | undefined {
  const inside = (child: string, parent: string) =>
    child === parent || child.startsWith(parent.endsWith('/') ? parent : `${parent}/`);
  if (inside(projectRoot, outDir)) {
    return `--outDir "${outDir}" là thư mục dự án hoặc chứa thư mục dự án; hãy chọn một thư mục riêng, ví dụ: dist. (outDir contains the project)`;
  }
  for (const sources of ['src', 'public', 'content', 'node_modules', '.git']) {
    if (inside(outDir, `${projectRoot}/${sources}`)) {
      return `--outDir "${outDir}" nằm trong ${sources}/ của dự án; hãy chọn một thư mục riêng, ví dụ: dist. (outDir inside ${sources}/)`;
    }
  }
  return undefined;
}

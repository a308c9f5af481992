/**
 * The flags of `npm run deploy:nginx` (scripts/deploy-nginx.ts), parsed strictly: every flag known,
 * each given once, each with its value; anything else is refused with a message in Vietnamese.
 * Pure functions (the script only prints what they return), so tests/unit/deploy-args.test.ts can
 * try every mistake.
 */
import { normalizeBase, DeployInputError } from '#src/publishing/deploy/responses.ts';
import { nginxLocationsFile, nginxServerConfig, type NginxOptions } from '#src/publishing/deploy/nginx.ts';

export const NGINX_USAGE = `Cách dùng:
  npm run deploy:nginx -- --root <thư mục trên máy chủ> [--base /congdoan/] [--server-name example.gov.vn]
                          [--site-url https://example.gov.vn/congdoan/] [--listen 80] [--locations-only]
                          [--out congdoan.conf]

  --root            thư mục trên máy chủ chứa trang đã dựng (nội dung của dist/), đường dẫn tuyệt đối
  --base            đường dẫn của trang trên tên miền (mặc định "/", hoặc đường dẫn của --site-url)
  --server-name     tên miền của máy chủ (mặc định: tên miền của --site-url, hoặc "_" là mọi tên)
  --site-url        địa chỉ đầy đủ của trang; cho sẵn --base và --server-name
  --listen          cổng (mặc định 80) hoặc địa chỉ:cổng
  --locations-only  chỉ in các khối location, để include vào một khối server { } đã có
  --out             ghi cấu hình vào tệp này (mặc định: in ra màn hình; khi chuyển ra tệp bằng ">",
                    dùng "npm run --silent deploy:nginx -- …" để npm không in thêm dòng của nó)`;

const VALUE_FLAGS = ['root', 'base', 'server-name', 'site-url', 'listen', 'out'] as const;
const SWITCHES = ['locations-only', 'help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

export interface NginxCommand {
  options: NginxOptions;
  /** Print only the location blocks (nginxLocationsFile), for an existing server { }. */
  locationsOnly: boolean;
  /** Write the configuration to this file instead of stdout. */
  out?: string;
}

export type ParsedNginxArgs = { help: true } | { help: false; command: NginxCommand } | { error: string };

/** Defaults the site's own settings can give (its canonical URL, its base path); flags win over them. */
export interface DeployDefaults {
  siteUrl?: string;
  base?: string;
}

const EXAMPLES: Record<ValueFlag, string> = {
  root: '--root /var/www/congdoan',
  base: '--base /congdoan/',
  'server-name': '--server-name example.gov.vn',
  'site-url': '--site-url https://example.gov.vn/congdoan/',
  listen: '--listen 80',
  out: '--out congdoan.conf',
};

const allFlags = () => [...VALUE_FLAGS, ...SWITCHES].map((f) => `--${f}`).join(', ');

export function parseNginxArgs(argv: readonly string[], defaults: DeployDefaults = {}): ParsedNginxArgs {
  const values: Partial<Record<ValueFlag, string>> = {};
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      switches.add('help');
      continue;
    }
    if (!arg.startsWith('--'))
      return { error: `Không nhận đối số "${arg}": mỗi giá trị đi sau tùy chọn của nó (vd. ${EXAMPLES.root}).` };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (eq >= 0) return { error: `Tùy chọn --${name} không nhận giá trị.` };
      if (switches.has(name)) return { error: `Tùy chọn --${name} được cho hai lần.` };
      switches.add(name);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name))
      return { error: `Không có tùy chọn "${arg.slice(0, eq < 0 ? undefined : eq)}". Các tùy chọn: ${allFlags()}.` };
    const flag = name as ValueFlag;
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--')))
      return { error: `Tùy chọn --${flag} cần một giá trị (vd. ${EXAMPLES[flag]}).` };
    if (flag in values) return { error: `Tùy chọn --${flag} được cho hai lần.` };
    values[flag] = value;
  }
  if (switches.has('help')) return { help: true };

  const locationsOnly = switches.has('locations-only');
  if (locationsOnly && (values['server-name'] || values.listen))
    return { error: '--server-name và --listen thuộc khối server { }: không dùng cùng --locations-only.' };
  if (!values.root)
    return {
      error: `Thiếu --root: thư mục trên máy chủ chứa trang đã dựng (nội dung của dist/), vd. ${EXAMPLES.root}.`,
    };

  const siteUrlText = values['site-url'] ?? defaults.siteUrl;
  let siteUrl: URL | undefined;
  if (siteUrlText !== undefined) {
    siteUrl = URL.canParse(siteUrlText) ? new URL(siteUrlText) : undefined;
    if (!siteUrl || !/^https?:$/.test(siteUrl.protocol) || siteUrl.search || siteUrl.hash)
      return { error: `--site-url "${siteUrlText}" không phải địa chỉ http(s) đầy đủ (vd. ${EXAMPLES['site-url']}).` };
  }
  try {
    const urlBase = siteUrl ? normalizeBase(siteUrl.pathname) : undefined;
    const base = normalizeBase(values.base ?? urlBase ?? defaults.base ?? '/');
    if (values.base && urlBase && base !== urlBase)
      return { error: `--base "${values.base}" khác đường dẫn của --site-url ("${urlBase}"): bỏ một trong hai.` };
    const serverName = values['server-name'] ?? siteUrl?.hostname;
    return {
      help: false,
      command: {
        locationsOnly,
        ...(values.out ? { out: values.out } : {}),
        options: {
          root: values.root,
          base,
          ...(serverName ? { serverName } : {}),
          ...(values.listen ? { listen: values.listen } : {}),
        },
      },
    };
  } catch (error) {
    if (error instanceof DeployInputError) return { error: error.message };
    throw error;
  }
}

export interface CommandResult {
  /** 0: done; 2: a mistake in the flags or their values (the message says which). */
  status: 0 | 2;
  stdout: string;
  stderr: string;
  /** A file to write (--out). */
  file?: { path: string; text: string };
}

/** `npm run deploy:nginx -- …`: the configuration on stdout, or what is wrong on stderr. */
export function nginxCommand(argv: readonly string[], defaults: DeployDefaults = {}): CommandResult {
  const parsed = parseNginxArgs(argv, defaults);
  const refuse = (message: string): CommandResult => ({
    status: 2,
    stdout: '',
    stderr: `✗ ${message}\n\n${NGINX_USAGE}\n`,
  });
  if ('error' in parsed) return refuse(parsed.error);
  if (parsed.help) return { status: 0, stdout: `${NGINX_USAGE}\n`, stderr: '' };
  const { options, locationsOnly, out } = parsed.command;
  try {
    const text = locationsOnly ? nginxLocationsFile(options) : nginxServerConfig(options);
    if (!out) return { status: 0, stdout: text, stderr: '' };
    return { status: 0, stdout: '', stderr: `Đã ghi cấu hình nginx vào ${out}.\n`, file: { path: out, text } };
  } catch (error) {
    if (error instanceof DeployInputError) return refuse(error.message);
    throw error;
  }
}

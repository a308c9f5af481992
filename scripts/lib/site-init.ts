/**
 * `npm run site:init` (scripts/site-init.ts): a new site from this repository in one command.
 * It writes the site configuration (content/site.yaml), picks the owner unit among the profiles
 * or creates its profile (with the scaffold of `npm run new`), and can remove the sample
 * content while keeping the national bodies (and the owner's own chain of parents).
 *
 * Flags are parsed strictly (every flag known, given once, with its value), and every mistake
 * is explained in Vietnamese. The values start from the existing content/site.yaml, so a flag
 * changes only what it names. Everything is checked before anything is written: the new
 * configuration against its schema, then the resulting tree by the content guard.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify, parse as parseYaml } from 'yaml';
import { checkContentTree } from '#src/editor/content-guard.ts';
import { scaffold, ScaffoldError } from '#src/editor/scaffold.ts';
import { readSiteConfig, siteConfigFromData, type SiteConfig } from '#src/model/site-config.ts';
import { EDITOR_BACKENDS, UNIT_LEVELS, type UnitLevel } from '#src/model/vocabulary.ts';

export const SITE_INIT_USAGE = `Cách dùng:
  npm run site:init                      hỏi từng mục (khi chạy trong cửa sổ dòng lệnh)
  npm run site:init -- [tùy chọn]        cho máy chạy (CI, kịch bản): chỉ đổi các mục được ghi

  --name "Tên trang"                  tên trang, ví dụ "Công đoàn VKSND tỉnh Quảng Ngãi"
  --tagline "Khẩu hiệu"               dòng ngắn dưới tên trang
  --description "Mô tả"              một đến hai câu giới thiệu trang
  --url https://example.gov.vn        địa chỉ của trang
  --base /congdoan/                   đường dẫn của trang trên tên miền ("/" khi ở gốc)
  --owner <mã đơn vị>                 đơn vị chủ quản có sẵn trong content/units/
  --owner-name "Tên đầy đủ"           hoặc: tạo hồ sơ đơn vị chủ quản mới với tên này
  --owner-level cong-doan-co-so       cấp của đơn vị mới (mặc định cong-doan-co-so)
  --owner-parent <mã đơn vị>          đơn vị cấp trên trực tiếp của đơn vị mới
  --portal                            không có đơn vị chủ quản (cổng thông tin chung)
  --backend github|gitlab|gitea|local nơi trình biên tập /admin lưu nội dung
  --repo to-chuc/ten-kho              kho mã nguồn (GitHub, GitLab, Gitea)
  --branch main                       nhánh được xuất bản
  --remove-samples                    xóa bài viết, khen thưởng và đơn vị mẫu; giữ các cơ quan
                                      toàn quốc, cấp tỉnh và các cấp trên của đơn vị chủ quản
  --content <thư mục>                 thư mục nội dung (mặc định content/, hoặc CONTENT_DIR)`;

const VALUE_FLAGS = [
  'name',
  'tagline',
  'description',
  'url',
  'base',
  'owner',
  'owner-name',
  'owner-level',
  'owner-parent',
  'backend',
  'repo',
  'branch',
  'content',
] as const;
const SWITCHES = ['portal', 'remove-samples', 'help'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
type Switch = (typeof SWITCHES)[number];

export interface SiteInitArgs {
  values: Partial<Record<ValueFlag, string>>;
  switches: Set<Switch>;
}

const EXAMPLES: Record<ValueFlag, string> = {
  name: '--name "Công đoàn VKSND tỉnh Quảng Ngãi"',
  tagline: '--tagline "Tin tức và hoạt động công đoàn"',
  description: '--description "Trang tin của Công đoàn cơ sở VKSND tỉnh Quảng Ngãi."',
  url: '--url https://example.gov.vn',
  base: '--base /congdoan/',
  owner: '--owner cong-doan-vksnd-tinh-quang-ngai',
  'owner-name': '--owner-name "Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Lào Cai"',
  'owner-level': '--owner-level cong-doan-co-so',
  'owner-parent': '--owner-parent cong-doan-vien-chuc-tinh-quang-ngai',
  backend: '--backend github',
  repo: '--repo cong-doan/tin-cong-doan',
  branch: '--branch main',
  content: '--content content',
};

export class SiteInitError extends Error {
  override name = 'SiteInitError';
}

const allFlags = () => [...VALUE_FLAGS, ...SWITCHES].map((f) => `--${f}`).join(', ');

/** The flags, or a Vietnamese explanation of the first mistake. */
export function parseSiteInitArgs(argv: readonly string[]): SiteInitArgs {
  const values: Partial<Record<ValueFlag, string>> = {};
  const switches = new Set<Switch>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h') {
      switches.add('help');
      continue;
    }
    if (!arg.startsWith('--'))
      throw new SiteInitError(
        `Không nhận đối số "${arg}": mỗi giá trị đi sau tùy chọn của nó; giá trị có dấu cách đặt trong ngoặc kép (vd. ${EXAMPLES.name}).`,
      );
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (eq >= 0) throw new SiteInitError(`Tùy chọn --${name} không nhận giá trị.`);
      if (switches.has(name as Switch)) throw new SiteInitError(`Tùy chọn --${name} được cho hai lần.`);
      switches.add(name as Switch);
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name))
      throw new SiteInitError(
        `Không có tùy chọn "${arg.slice(0, eq < 0 ? undefined : eq)}". Các tùy chọn: ${allFlags()}.`,
      );
    const flag = name as ValueFlag;
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value.trim() === '' || (eq < 0 && value.startsWith('--')))
      throw new SiteInitError(`Tùy chọn --${flag} cần một giá trị (vd. ${EXAMPLES[flag]}).`);
    if (flag in values) throw new SiteInitError(`Tùy chọn --${flag} được cho hai lần.`);
    values[flag] = value.trim();
  }
  const owners = (['owner', 'owner-name'] as const).filter((f) => values[f]).map((f) => `--${f}`);
  if (switches.has('portal')) owners.push('--portal');
  if (owners.length > 1)
    throw new SiteInitError(
      `Chỉ chọn một trong ${owners.join(', ')}: --owner (đơn vị có sẵn), --owner-name (tạo đơn vị mới) hoặc --portal (không có đơn vị chủ quản).`,
    );
  if ((values['owner-level'] || values['owner-parent']) && !values['owner-name'])
    throw new SiteInitError('--owner-level và --owner-parent chỉ dùng cùng --owner-name (khi tạo hồ sơ đơn vị mới).');
  if (values.backend && !(values.backend in EDITOR_BACKENDS))
    throw new SiteInitError(
      `--backend "${values.backend}" không có. Chọn một trong: ${Object.entries(EDITOR_BACKENDS)
        .map(([id, label]) => `${id} (${label})`)
        .join(', ')}.`,
    );
  if (values['owner-level'] && !(values['owner-level'] in UNIT_LEVELS))
    throw new SiteInitError(
      `--owner-level "${values['owner-level']}" không có. Chọn một trong: ${Object.entries(UNIT_LEVELS)
        .map(([id, l]) => `${id} (${l.label})`)
        .join(', ')}.`,
    );
  return { values, switches };
}

/** Units whose profiles are kept by --remove-samples: the national and provincial bodies. */
const KEPT_LEVELS: ReadonlySet<UnitLevel> = new Set(
  (Object.keys(UNIT_LEVELS) as UnitLevel[]).filter((l) => UNIT_LEVELS[l].rank <= 1),
);

interface UnitFile {
  id: string;
  file: string;
  level?: string;
  parent?: string;
  /** Units its profile names (parent, lineage). */
  refs: string[];
}

function readUnits(contentRoot: string): UnitFile[] {
  const dir = join(contentRoot, 'units');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
      let data: { level?: string; parent?: string; lineage?: { unit?: string }[] } = {};
      try {
        data = (parseYaml(front) as typeof data) ?? {};
      } catch {
        // The guard reports a broken file after the run; here it only counts as a unit.
      }
      const refs = [data.parent, ...(data.lineage ?? []).map((l) => l.unit)].filter(
        (r): r is string => typeof r === 'string',
      );
      return {
        id: f.replace(/\.mdx?$/, ''),
        file: join(dir, f),
        ...(data.level ? { level: data.level } : {}),
        ...(data.parent ? { parent: data.parent } : {}),
        refs,
      };
    });
}

/** The chain above `id` (parents), each once. */
function chainOf(id: string, byId: Map<string, UnitFile>): string[] {
  const out: string[] = [];
  for (let cursor = byId.get(id)?.parent; cursor && !out.includes(cursor); cursor = byId.get(cursor)?.parent)
    out.push(cursor);
  return out;
}

export interface SiteInitResult {
  config: SiteConfig;
  /** What was done, one Vietnamese line each. */
  report: string[];
}

export interface SiteInitOptions {
  contentRoot: string;
  /** File names in the report are relative to it. */
  projectRoot: string;
  now: Date;
  /** Where the logo and share card live (the guard checks them). */
  publicDir?: string;
}

/** Run `site:init` on a content tree with already parsed (or prompted) values. */
export function initSite(args: SiteInitArgs, options: SiteInitOptions): SiteInitResult {
  const { contentRoot, projectRoot, now } = options;
  const rel = (p: string) => relative(projectRoot, p) || '.';
  const { values, switches } = args;
  const current = readSiteConfig(contentRoot, {});
  // What the file says now (not the environment): a flag changes only what it names.
  const raw: Record<string, unknown> = current.exists
    ? ((parseYaml(readFileSync(current.file, 'utf8')) as Record<string, unknown> | null) ?? {})
    : {};
  const report: string[] = [];

  let units = readUnits(contentRoot);
  const byId = new Map(units.map((u) => [u.id, u]));
  let newOwner: { id: string; file: string; text: string } | undefined;
  if (values.owner) {
    if (!byId.has(values.owner)) {
      const near = units
        .filter((u) => u.id.includes(values.owner!) || values.owner!.includes(u.id))
        .map((u) => u.id)
        .slice(0, 5);
      throw new SiteInitError(
        `--owner "${values.owner}": không có hồ sơ đơn vị content/units/${values.owner}.md.${near.length ? ` Có phải: ${near.join(', ')}?` : ''} Hãy ghi đúng mã (tên tệp không có đuôi), hoặc dùng --owner-name "Tên đầy đủ" để tạo hồ sơ mới.`,
      );
    }
    raw.owner = values.owner;
  } else if (values['owner-name']) {
    try {
      const made = scaffold('unit', {
        title: values['owner-name'],
        now,
        level: values['owner-level'],
        parent: values['owner-parent'],
        knownUnits: units.map((u) => u.id),
      });
      raw.owner = made.id;
      if (!byId.has(made.id))
        newOwner = { id: made.id, file: join(contentRoot, 'units', made.fileName), text: made.text };
    } catch (error) {
      if (error instanceof ScaffoldError) throw new SiteInitError(error.message);
      throw error;
    }
  } else if (switches.has('portal')) delete raw.owner;

  for (const key of ['name', 'tagline', 'description', 'url', 'base'] as const) if (values[key]) raw[key] = values[key];
  if (values.backend || values.repo || values.branch) {
    const editor = { ...((raw.editor as Record<string, unknown> | undefined) ?? {}) };
    if (values.backend) editor.backend = values.backend;
    if (values.repo) editor.repo = values.repo;
    if (values.branch) editor.branch = values.branch;
    editor.backend ??= 'github';
    raw.editor = editor;
  }

  const checked = siteConfigFromData(raw, {});
  if (checked.problems.length)
    throw new SiteInitError(
      `Cấu hình chưa hợp lệ, chưa ghi gì:\n${checked.problems.map((p) => `  • ${p.field}: ${p.message}`).join('\n')}`,
    );

  // Everything checked: write.
  if (newOwner) {
    mkdirSync(join(contentRoot, 'units'), { recursive: true });
    writeFileSync(newOwner.file, newOwner.text, { flag: 'wx' });
    report.push(
      `Đã tạo hồ sơ đơn vị chủ quản ${rel(newOwner.file)}: mở tệp để ghi thêm thông tin (liên hệ, nhiệm kỳ…).`,
    );
    units = readUnits(contentRoot);
  } else if (raw.owner) report.push(`Đơn vị chủ quản: ${String(raw.owner)} (content/units/${String(raw.owner)}.md).`);
  else report.push('Không có đơn vị chủ quản: trang chủ là cổng thông tin chung.');

  if (switches.has('remove-samples')) report.push(...removeSamples(contentRoot, raw.owner as string | undefined, rel));

  mkdirSync(contentRoot, { recursive: true });
  writeFileSync(current.file, siteYaml(raw));
  report.push(`Đã ghi cấu hình trang ${rel(current.file)}.`);

  const problems = checkContentTree(contentRoot, {
    projectRoot,
    now,
    ...(options.publicDir ? { publicDir: options.publicDir } : {}),
    env: {},
  });
  if (problems.length)
    report.push(
      `Cần sửa ${problems.length} lỗi trước khi dựng trang:`,
      ...problems.map((p) => `  • ${p.file} → ${p.field}: ${p.message}`),
    );
  return { config: checked.config, report };
}

/** The order the file is written in: the schema's. */
const KEY_ORDER = [
  'name',
  'tagline',
  'description',
  'url',
  'base',
  'owner',
  'logo',
  'shareCard',
  'contact',
  'social',
  'footer',
  'editor',
];

export function siteYaml(data: Record<string, unknown>): string {
  const ordered = Object.fromEntries(
    [...KEY_ORDER, ...Object.keys(data).filter((k) => !KEY_ORDER.includes(k))]
      .filter((k) => data[k] !== undefined)
      .map((k) => [k, data[k]]),
  );
  return (
    '# Cấu hình trang: tên, địa chỉ, đơn vị chủ quản, trình biên tập. Sửa tại /admin (mục "Cấu hình\n' +
    '# trang") hoặc bằng "npm run site:init"; mẫu và giải thích từng trường: src/model/schemas/site.ts.\n' +
    stringify(ordered, { lineWidth: 100 })
  );
}

/**
 * Remove the sample content: every article (and its images), every award record, and the unit
 * profiles below the provincial level, except the owner, its chain of parents and the units
 * the kept profiles name (parent, lineage), so that every reference still resolves.
 */
function removeSamples(contentRoot: string, owner: string | undefined, rel: (p: string) => string): string[] {
  const report: string[] = [];
  for (const folder of ['news', 'awards']) {
    const dir = join(contentRoot, folder);
    if (!existsSync(dir)) continue;
    const entries = readdirSync(dir);
    for (const entry of entries) rmSync(join(dir, entry), { recursive: true, force: true });
    report.push(`Đã xóa ${entries.length} mục mẫu trong ${rel(dir)}/.`);
  }
  const manifest = join(contentRoot, '.import-manifest.json');
  if (existsSync(manifest)) rmSync(manifest);

  const units = readUnits(contentRoot);
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<string>(units.filter((u) => KEPT_LEVELS.has(u.level as UnitLevel)).map((u) => u.id));
  if (owner) for (const id of [owner, ...chainOf(owner, byId)]) keep.add(id);
  // Close over what kept profiles name, so no reference is left dangling.
  for (let changed = true; changed;) {
    changed = false;
    for (const id of [...keep])
      for (const ref of byId.get(id)?.refs ?? [])
        if (byId.has(ref) && !keep.has(ref)) {
          keep.add(ref);
          changed = true;
        }
  }
  const removed = units.filter((u) => !keep.has(u.id));
  for (const u of removed) rmSync(u.file);
  report.push(`Đã xóa ${removed.length} hồ sơ đơn vị mẫu; giữ ${keep.size}: ${[...keep].sort().join(', ')}.`);
  return report;
}

/** The questions asked at a terminal, in order, with the flag each answers. */
export const PROMPTS: {
  flag: ValueFlag | 'remove-samples';
  question: string;
  current?: (c: SiteConfig) => string | undefined;
}[] = [
  { flag: 'name', question: 'Tên trang', current: (c) => c.name },
  { flag: 'tagline', question: 'Khẩu hiệu (dòng dưới tên trang)', current: (c) => c.tagline },
  { flag: 'description', question: 'Mô tả trang (một, hai câu)', current: (c) => c.description },
  { flag: 'url', question: 'Địa chỉ trang (https://…)', current: (c) => c.url },
  { flag: 'base', question: 'Đường dẫn gốc trên tên miền ("/" nếu ở gốc)', current: (c) => c.base },
  {
    flag: 'owner',
    question: 'Đơn vị chủ quản: mã đơn vị có sẵn, hoặc tên đầy đủ để tạo mới, hoặc "-" nếu là cổng thông tin chung',
    current: (c) => c.owner,
  },
  {
    flag: 'backend',
    question: 'Nơi lưu nội dung của trình biên tập (github, gitlab, gitea, local)',
    current: (c) => c.editor.backend,
  },
  { flag: 'repo', question: 'Kho mã nguồn (tổ-chức/tên-kho; để trống nếu local)', current: (c) => c.editor.repo },
  { flag: 'remove-samples', question: 'Xóa bài viết, khen thưởng và đơn vị mẫu? (c/k)', current: () => 'k' },
];

/** Turn the answers at a terminal into flags (an owner that is not an id is a new unit's name). */
export function answersToArgs(answers: Partial<Record<string, string>>, knownUnits: readonly string[]): SiteInitArgs {
  const argv: string[] = [];
  for (const [flag, answer] of Object.entries(answers)) {
    const value = answer?.trim();
    if (!value) continue;
    if (flag === 'remove-samples') {
      if (/^(c|có|co|y|yes)$/i.test(value)) argv.push('--remove-samples');
    } else if (flag === 'owner') {
      if (value === '-') argv.push('--portal');
      else if (knownUnits.includes(value)) argv.push('--owner', value);
      else argv.push('--owner-name', value);
    } else argv.push(`--${flag}`, value);
  }
  return parseSiteInitArgs(argv);
}

export const unitIdsOf = (contentRoot: string) => readUnits(contentRoot).map((u) => u.id);

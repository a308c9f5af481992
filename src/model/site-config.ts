/**
 * The site's configuration file, `<content>/site.yaml` (schema: schemas/site.ts), read the same
 * way by astro.config.mjs (site, base), the pages (src/site/site-config.ts), the web editor's
 * config and the content guard, which fails the build on any problem with the field named in
 * Vietnamese. SITE_URL and SITE_BASE override the address and the base path, CMS_REPO and
 * CMS_BRANCH the web editor's repository and branch (CI: the host knows them).
 *
 * A content tree without the file (test fixtures, generated archives) gets DEFAULT_SITE: the
 * national portal this project ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { installEditorMessages } from './issue-messages.ts';
import { dottedPath, fieldTextOf } from './schemas/field-text.ts';
import { basePath, siteSchema, type SiteData } from './schemas/site.ts';
import { url } from './schemas/fields.ts';

/** The file's name in the content folder. */
export const SITE_CONFIG_FILE = 'site.yaml';

/** The configuration with everything resolved: the base path always set ("/" or "/x/"). */
export type SiteConfig = Omit<SiteData, 'base' | 'url'> & {
  /** The canonical origin (and path) as written, without a trailing slash. */
  url: string;
  base: string;
};

/** The site without a configuration file: today's national portal. */
export const DEFAULT_SITE: SiteConfig = {
  name: 'Tin Công đoàn',
  tagline: 'Tin tức, đơn vị và khen thưởng của tổ chức Công đoàn',
  description:
    'Tin tức, hồ sơ đơn vị và lịch sử thi đua, khen thưởng của tổ chức Công đoàn Việt Nam: Liên đoàn Lao động, Công đoàn Viên chức, công đoàn cơ sở.',
  url: 'https://congdoan.example.vn',
  base: '/',
  social: [],
  editor: { backend: 'local', branch: 'main' },
};

/** What a missing file stands for: DEFAULT_SITE with the base path taken from the address. */
const { base: _defaultBase, ...DEFAULT_INPUT } = DEFAULT_SITE;

/** One problem of the file (or of SITE_URL/SITE_BASE): the field's path and the message. */
export interface SiteConfigProblem {
  field: string;
  message: string;
}

export interface SiteConfigRead {
  /** Absolute path of the file. */
  file: string;
  exists: boolean;
  /** The configuration; DEFAULT_SITE's values where the file is unreadable. */
  config: SiteConfig;
  problems: SiteConfigProblem[];
}

/** The schema as the loader sees it: the owner is a unit's id, images are paths of public/. */
export function siteConfigSchema() {
  installEditorMessages(z as unknown as Parameters<typeof installEditorMessages>[0]);
  return siteSchema({
    reference: () =>
      z
        .string({
          error: 'Cần mã của một đơn vị trong content/units/, ví dụ: cong-doan-vksnd-tinh-quang-ngai. (expected an id)',
        })
        .trim()
        .min(1, {
          error: 'Mã đơn vị không được để trống; bỏ trường này nếu trang là cổng thông tin chung. (must not be empty)',
        }),
    image: () =>
      z
        .string({ error: 'Cần đường dẫn tới ảnh, ví dụ: /images/site/logo.svg. (expected an image path)' })
        .trim()
        .regex(/^\/[^\s]*\.(?:svg|png|jpe?g|webp|avif)$/i, {
          error:
            'Đường dẫn ảnh phải bắt đầu bằng "/" (tính từ thư mục public/) và là ảnh .svg, .png, .jpg, .webp hoặc .avif, ví dụ: /images/site/logo.svg. (expected a path in public/)',
        }),
  });
}

/** The content folder: CONTENT_DIR or ./content, from `cwd`. */
export const contentRootOf = (env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()) =>
  resolve(cwd, env.CONTENT_DIR ?? 'content');

/** A field's label, through its optional/default wrappers and pipes (the text sits inside them). */
function label(schema: unknown): string | undefined {
  for (let cursor = schema; cursor;) {
    const found = fieldTextOf(cursor).label;
    if (found) return found;
    const def = defOf(cursor);
    cursor = def?.innerType ?? (def?.type === 'pipe' ? def.in : undefined);
  }
  return undefined;
}

/** "Địa chỉ trang (url)": a field as an editor reads it in a message. */
function namedField(path: readonly PropertyKey[]): string {
  let schema: unknown = siteConfigSchema();
  const names: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      schema = unwrapToElement(schema);
      continue;
    }
    schema = shapeOf(schema)?.[String(key)];
    const l = label(schema);
    if (l) names.push(l);
  }
  const dotted = dottedPath(path);
  return names.length ? `${names.join(' › ')} (${dotted})` : dotted;
}

type Def = { type: string; innerType?: unknown; shape?: Record<string, unknown>; element?: unknown; in?: unknown };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def: Def } } | undefined)?._zod?.def;
function peel(s: unknown): unknown {
  let cursor = s;
  for (let def = defOf(cursor); def && (def.innerType || def.type === 'pipe'); def = defOf(cursor))
    cursor = def.innerType ?? def.in;
  return cursor;
}
const shapeOf = (s: unknown) => defOf(peel(s))?.shape;
const unwrapToElement = (s: unknown) => defOf(peel(s))?.element;

/** Validate already-parsed data and apply the environment's overrides. */
export function siteConfigFromData(
  data: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { config: SiteConfig; problems: SiteConfigProblem[] } {
  const problems: SiteConfigProblem[] = [];
  const result = siteConfigSchema().safeParse(data ?? {});
  let parsed: SiteData | undefined;
  if (result.success) parsed = result.data;
  else {
    for (const issue of result.error.issues) {
      const path =
        issue.code === 'unrecognized_keys'
          ? [...issue.path, ...(issue.keys.length === 1 ? issue.keys : [])]
          : issue.path;
      const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
      const field = namedField(path) || '(cả tệp)';
      problems.push({
        field,
        message: missing ? `thiếu trường bắt buộc ${field}; hãy thêm trường này. ${issue.message}` : issue.message,
      });
    }
  }
  const fromFile: Omit<SiteConfig, 'base'> & { base?: string | undefined } = parsed ?? DEFAULT_SITE;
  let siteUrl = fromFile.url.replace(/\/+$/, '');
  let base = fromFile.base ?? pathOf(siteUrl);

  if (env.SITE_URL !== undefined && env.SITE_URL !== '') {
    const checked = url({ label: 'SITE_URL', example: 'https://example.gov.vn' }).safeParse(env.SITE_URL);
    if (checked.success) {
      siteUrl = checked.data.replace(/\/+$/, '');
      if (fromFile.base === undefined) base = pathOf(siteUrl);
    } else
      problems.push({
        field: 'SITE_URL (biến môi trường)',
        message: `SITE_URL="${env.SITE_URL}" không phải địa chỉ web đầy đủ; hãy đặt dạng https://example.gov.vn. (invalid SITE_URL)`,
      });
  }
  if (env.SITE_BASE !== undefined) {
    const checked = basePath({ label: 'SITE_BASE', example: '/congdoan/' }).safeParse(env.SITE_BASE);
    if (checked.success) base = checked.data;
    else problems.push({ field: 'SITE_BASE (biến môi trường)', message: checked.error.issues[0]!.message });
  }
  // CI on a Git host knows the repository and branch it builds (GitHub Actions: github.repository,
  // github.ref_name): a fork or a copy made from a template needs no edit for its web editor.
  let editor = fromFile.editor;
  if (env.CMS_REPO) {
    if (/^[\w.-]+(?:\/[\w.-]+)+$/.test(env.CMS_REPO))
      editor = { ...editor, backend: editor.backend === 'local' ? 'github' : editor.backend, repo: env.CMS_REPO };
    else
      problems.push({
        field: 'CMS_REPO (biến môi trường)',
        message: `CMS_REPO="${env.CMS_REPO}" phải có dạng "tổ-chức/tên-kho", ví dụ: cong-doan/tin-cong-doan. (expected owner/name)`,
      });
  }
  if (env.CMS_BRANCH) editor = { ...editor, branch: env.CMS_BRANCH };
  const { url: _url, base: _base, ...rest } = fromFile;
  return { config: { ...rest, editor, url: siteUrl, base }, problems };
}

/** "/congdoan/" of "https://example.gov.vn/congdoan". */
function pathOf(siteUrl: string): string {
  try {
    const path = new URL(siteUrl).pathname.replace(/\/+$/, '');
    return `${path}/`;
  } catch {
    return '/';
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** Read `<contentRoot>/site.yaml`. Never throws: problems are returned for the guard to report. */
export function readSiteConfig(
  contentRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SiteConfigRead {
  const file = join(contentRoot, SITE_CONFIG_FILE);
  if (!existsSync(file)) return { file, exists: false, ...siteConfigFromData(DEFAULT_INPUT, env) };
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const { config } = siteConfigFromData(DEFAULT_INPUT, env);
    return {
      file,
      exists: true,
      config,
      problems: [
        {
          field: line ? `(cú pháp YAML, dòng ${line})` : '(cú pháp YAML)',
          message: `lỗi cú pháp YAML${line ? ` ở dòng ${line}` : ''}. Hãy kiểm tra dấu ngoặc kép đã đóng chưa, dấu ":" sau tên trường và thụt lề bằng dấu cách (không dùng Tab). (${reason})`,
        },
      ],
    };
  }
  return { file, exists: true, ...siteConfigFromData(data, env) };
}

export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** The configuration, or an error listing every problem (pages, scripts: the guard ran first). */
export function loadSiteConfig(
  contentRoot: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SiteConfig {
  const read = readSiteConfig(contentRoot, env);
  if (read.problems.length)
    throw new SiteConfigError(
      `Cấu hình trang ${read.file} có lỗi:\n${read.problems.map((p) => `  • ${p.field}: ${p.message}`).join('\n')}`,
    );
  return read.config;
}

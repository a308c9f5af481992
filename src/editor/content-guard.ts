/**
 * The content guard: every check of a content tree that must pass before Astro loads it, with
 * one message per problem naming the file, the field (or line) and the fix, in Vietnamese.
 *
 * Astro's loaders stop at the first invalid entry, only warn about two files with the same id
 * (the later one silently replaces the earlier), do not check NFC text or image alt text in
 * bodies, and report YAML/MDX syntax errors in English with a stack trace. The guard reads the
 * whole tree once, validates every file with the real schemas (src/model/schemas/), and then runs the
 * cross-collection integrity check (checkContentIntegrity) on the whole tree, so that it runs on
 * every build whether or not a page calls getSite().
 *
 * Cost at news scale: one read and one YAML parse per file, a regex scan of Markdown bodies;
 * only .mdx bodies are parsed (remark-mdx), for their syntax.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { z } from 'astro/zod';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { awardSchema } from '#src/model/schemas/award.ts';
import { newsSchema } from '#src/model/schemas/news.ts';
import type { SchemaTools } from '#src/model/schemas/types.ts';
import { unitSchema } from '#src/model/schemas/unit.ts';
import { publicationState, type RawContent } from '#src/model/content-model.ts';
import { checkContentIntegrity, formatProblems, type ContentProblem } from '#src/model/integrity.ts';
import { installEditorMessages } from '#src/model/issue-messages.ts';
import { dottedPath } from '#src/model/schemas/field-text.ts';
import { readSiteConfig } from '#src/model/site-config.ts';
import { readFrontmatter, readYaml, YamlSyntaxError } from '#src/model/frontmatter.ts';
import { didYouMean, suggest } from '#src/text/suggest.ts';
import { unsafeCharacter } from '#src/text/vietnamese.ts';
import { describeViolation, htmlViolations, isSafeUrl, URL_FIX } from '#src/model/content-policy.ts';
import { timestampSource } from '#src/model/frontmatter.ts';
import { internalLinkProblem } from '#src/model/internal-links.ts';
import { textHash, type GuardCache } from './guard-cache.ts';

export type { ContentProblem };
type Collection = 'news' | 'awards' | 'units';

const PATTERNS: Record<Collection, RegExp> = {
  news: /\.mdx?$/,
  awards: /\.ya?ml$/,
  units: /\.mdx?$/,
};

/** Like astro:content's reference(): an id string becomes { id, collection }. */
const reference = (collection: Collection) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? { id: value, collection } : value),
    z.object(
      { id: z.string(), collection: z.literal(collection) },
      {
        error: `Cần mã (tên tệp không có đuôi) của một mục trong content/${collection}/, ví dụ: cong-doan-vksnd-tinh-quang-ngai. (expected a reference)`,
      },
    ),
  );
/** Like the schema context's image(): the path is checked against the disk after parsing. */
const image = () =>
  z.string({ error: 'Cần đường dẫn tới ảnh, ví dụ: ./images/hoi-nghi.jpg. (expected an image path)' });
const tools: SchemaTools = { reference, image };

/**
 * The collections as the guard defines them, with the Vietnamese error map installed as
 * src/content.config.ts does (the guard runs before Astro loads that file, and without it in
 * `npm run check:content`).
 */
type GuardSchemas = ReturnType<typeof guardSchemas>;

function guardSchemas() {
  installEditorMessages(z as unknown as Parameters<typeof installEditorMessages>[0]);
  return { news: newsSchema(tools), awards: awardSchema(tools), units: unitSchema(tools) };
}

/** The id Astro's glob loader gives a file: each path segment slugged by github-slugger. */
export function entryId(pathInCollection: string): string {
  return pathInCollection
    .replace(/\.[^./]+$/, '')
    .split('/')
    .map((segment) => githubSlug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The field of an issue as a problem names it; an issue of the whole file has no path. */
const fieldOf = (path: readonly PropertyKey[]) => dottedPath(path) || '(cả tệp)';

/** The first line of `text` that is not NFC, with the key of the frontmatter line if any. */
function firstNonNfcLine(text: string): { line: number; field?: string } | undefined {
  if (text === text.normalize('NFC')) return undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l !== l.normalize('NFC')) {
      const key = /^\s*-?\s*([A-Za-z][\w]*)\s*:/.exec(l)?.[1];
      return { line: i + 1, ...(key ? { field: key } : {}) };
    }
  }
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** The first line, up to `limit`, with an odd number of quotes or unbalanced brackets. */
function unbalancedLine(text: string, limit = Infinity): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && i < limit; i++) {
    const l = lines[i]!.replace(/\\./g, '').replace(/\s#.*$/, '');
    const count = (re: RegExp) => (l.match(re) ?? []).length;
    if (count(/"/g) % 2 === 1 || count(/\[/g) !== count(/\]/g) || count(/\{/g) !== count(/\}/g)) return i + 1;
  }
  return undefined;
}

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const isLocal = (src: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#)/i.test(src);

export interface GuardOptions {
  /** Project root: file names in messages are relative to it. */
  projectRoot: string;
  /** The build's "now" (SITE_NOW), for awards dated in the future. */
  now: Date;
  /** Where the site's own images (logo, share card) live; default <projectRoot>/public. */
  publicDir?: string;
  /** The environment (SITE_URL, SITE_BASE, CMS_REPO, CMS_BRANCH override the site configuration). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Results of checkContentFile from earlier runs (src/editor/guard-cache.ts); none: check every file. */
  cache?: GuardCache<FileCheck> | undefined;
}

/** A file of a collection as the guard checks it. */
export interface ContentFile {
  collection: Collection;
  /** Path inside the collection's folder ("2023/bai-mau.md"): the entry id comes from it. */
  path: string;
  /** Absolute path, for images beside the file. */
  file: string;
  /** The file as problems name it (relative to the project). */
  name: string;
}

type FileEntry = { id: string; data: unknown; filePath: string };

/** What one file contributes to the tree's check. */
export interface FileCheck {
  problems: ContentProblem[];
  /** The entry as the schema read it, when it passed (for the checks across files). */
  entry?: FileEntry | undefined;
  /** Links of the body to pages of the site, for the check across files. */
  links: BodyLink[];
}

/**
 * Every check of one file on its own: syntax, schema, text, body policy and images. Depends only
 * on the file's text and the files beside it (images), so its result can be cached per file.
 */
export function checkContentFile(
  { collection, path, file, name }: ContentFile,
  text: string,
  schemas: GuardSchemas = guardSchemas(),
  /** How files beside it (images) are looked for; the cache records what it was asked. */
  exists: (path: string) => boolean = existsSync,
): FileCheck {
  const problems: ContentProblem[] = [];
  const links: BodyLink[] = [];
  let entry: FileEntry | undefined;
  const add = (_file: string, field: string, message: string) => problems.push({ file: name, field, message });
  const done = (): FileCheck => ({ problems, entry, links });
  const nonNfc = firstNonNfcLine(text);
  if (nonNfc) {
    add(
      file,
      `${nonNfc.field ?? 'nội dung'} (dòng ${nonNfc.line})`,
      'chữ tiếng Việt chưa ở dạng dựng sẵn (NFC), thường do chép từ Word hay trang web; chữ trông giống nhau nhưng tìm kiếm và so khớp sẽ sai. Hãy chạy "npm run lint:content -- --fix" hoặc gõ lại dòng đó. (text is not NFC)',
    );
  }

  let data: unknown;
  let body = '';
  let bodyLine = 1;
  try {
    if (collection === 'awards') {
      data = readYaml(text);
    } else {
      const fm = readFrontmatter(text);
      if (!fm) {
        add(
          file,
          '(phần đầu tệp)',
          'thiếu phần thông tin đầu tệp (frontmatter) nằm giữa hai dòng "---". Hãy thêm "---", các trường (title, summary…), rồi "---" trước nội dung. (missing frontmatter)',
        );
        return done();
      }
      ({ data, body, bodyLine } = fm);
    }
  } catch (error) {
    const line = error instanceof YamlSyntaxError ? error.line : undefined;
    const reason =
      error instanceof YamlSyntaxError ? error.reason : error instanceof Error ? error.message : String(error);
    // The parser reports where it noticed the problem (often the end of the file for an
    // unclosed quote); the first line with an unbalanced quote or bracket is the likely cause.
    const suspect = unbalancedLine(text, line);
    add(
      file,
      line ? `(cú pháp YAML, dòng ${suspect ?? line})` : '(cú pháp YAML)',
      `lỗi cú pháp YAML${line ? ` ở dòng ${suspect ?? line}` : ''}. Hãy kiểm tra dấu ngoặc kép/ngoặc vuông đã đóng chưa, dấu ":" sau tên trường và thụt lề bằng dấu cách (không dùng Tab). (${reason})`,
    );
    return done();
  }
  if (data === null || data === undefined) data = {};

  const result = schemas[collection].safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
      // An unknown (often misspelt) field: name the field itself, not the object holding it.
      const field =
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((k) => fieldOf([...issue.path, k])).join(', ')
          : fieldOf(issue.path);
      add(
        file,
        field,
        missing ? `thiếu trường bắt buộc "${field}"; hãy thêm trường này. ${issue.message}` : issue.message,
      );
    }
  }

  checkDates(data, add);
  if (collection !== 'awards') {
    checkBodyText(body, bodyLine, add);
    links.push(...checkBodyPolicy(body, bodyLine, path.endsWith('.mdx'), add).map((l) => ({ ...l, file: name })));
  }
  if (collection === 'news') {
    checkBody(file, body, bodyLine, path.endsWith('.mdx'), add, exists);
    const hero = (data as { hero?: { image?: unknown } }).hero;
    if (typeof hero?.image === 'string' && isLocal(hero.image) && !IMAGE_FORMATS.test(hero.image)) {
      add(file, 'hero.image', imageFormatProblem(hero.image));
    } else if (typeof hero?.image === 'string' && isLocal(hero.image) && !exists(resolve(dirname(file), hero.image))) {
      add(
        file,
        'hero.image',
        `không tìm thấy ảnh "${hero.image}" (tính từ thư mục của bài). Hãy đặt tệp ảnh vào đó, sửa tên cho đúng (phân biệt chữ hoa, chữ thường) hoặc bỏ ảnh đại diện. (image not found)`,
      );
    }
  }
  if (result.success) entry = { id: entryId(path), data: result.data, filePath: name };
  return done();
}

/** Check a whole content tree (news/, awards/, units/). Returns every problem found. */
export function checkContentTree(
  contentRoot: string,
  { projectRoot, now, cache, publicDir = join(projectRoot, 'public'), env = process.env }: GuardOptions,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const raw: RawContent = { news: [], awards: [], units: [] };
  const links: BodyLink[] = [];
  const schemas = guardSchemas();
  const rel = (file: string) => relative(projectRoot, file).split(sep).join('/');
  const add = (file: string, field: string, message: string) => problems.push({ file: rel(file), field, message });

  // A mistyped CONTENT_DIR would otherwise build an empty site and publish it over the real one.
  if (!['news', 'awards', 'units'].some((c) => existsSync(join(contentRoot, c)))) {
    add(
      contentRoot,
      '(thư mục nội dung)',
      `không có thư mục news/, awards/ hay units/ trong ${rel(contentRoot) || '.'}: bản dựng sẽ là một trang trống. Hãy kiểm tra CONTENT_DIR (hoặc thư mục content/). (content folder not found)`,
    );
    return problems;
  }

  for (const collection of ['units', 'awards', 'news'] as const) {
    const dir = join(contentRoot, collection);
    if (!existsSync(dir)) continue;
    const files = (readdirSync(dir, { recursive: true }) as string[])
      .map((f) => f.split(sep).join('/'))
      .filter((f) => PATTERNS[collection].test(f) && statSync(join(dir, f)).isFile())
      .sort();
    const byId = new Map<string, string[]>();
    for (const f of files) byId.set(entryId(f), [...(byId.get(entryId(f)) ?? []), f]);

    for (const [id, same] of byId) {
      if (same.length > 1) {
        for (const f of same) {
          const others = same
            .filter((o) => o !== f)
            .map((o) => `content/${collection}/${o}`)
            .join(', ');
          add(
            join(dir, f),
            '(tên tệp)',
            `trùng mã "${id}" với ${others}: hai tệp cùng một mã thì một bài sẽ bị mất. Hãy đổi tên một trong hai tệp (hoặc xóa bản thừa; .md và .mdx cùng tên cũng là trùng). (duplicate id)`,
          );
        }
      }
    }

    for (const f of files) {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      // The per-file checks, from the cache when the file's text and the images it names are as before.
      const hash = cache ? textHash(text) : '';
      let checked = cache?.get(file, hash);
      if (!checked) {
        const probes: Record<string, boolean> = {};
        const exists = (path: string) => (probes[path] = existsSync(path));
        checked = {
          ...checkContentFile({ collection, path: f, file, name: rel(file) }, text, schemas, exists),
          probes,
        };
      }
      cache?.set(file, hash, checked);
      problems.push(...checked.problems);
      if (checked.entry) (raw[collection] as FileEntry[]).push(checked.entry);
      links.push(...checked.links);
    }
  }

  // Cross-collection rules need every file to be readable; otherwise an entry that failed above
  // would be reported again as an "unknown reference" everywhere it is used.
  if (problems.length === 0) problems.push(...checkContentIntegrity(raw, now), ...checkInternalLinks(raw, links, now));
  problems.push(...checkSiteConfig(contentRoot, { rel, publicDir, env, units: raw.units }));
  return problems;
}

/**
 * The site configuration (content/site.yaml): the schema, then what the schema cannot see: the
 * owner unit exists, the logo and share card are files of public/.
 */
function checkSiteConfig(
  contentRoot: string,
  {
    rel,
    publicDir,
    env,
    units,
  }: {
    rel: (file: string) => string;
    publicDir: string;
    env: Readonly<Record<string, string | undefined>>;
    /** The units that passed their schema, for "did you mean" by name. */
    units: RawContent['units'];
  },
): ContentProblem[] {
  const read = readSiteConfig(contentRoot, env);
  const file = rel(read.file);
  const problems: ContentProblem[] = read.problems.map((p) => ({ file, field: p.field, message: p.message }));
  if (problems.length) return problems;
  const { owner, logo, shareCard } = read.config;
  const unitsDir = join(contentRoot, 'units');
  const unitIds = existsSync(unitsDir)
    ? new Set(
        (readdirSync(unitsDir, { recursive: true }) as string[])
          .map((f) => f.split(sep).join('/'))
          .filter((f) => PATTERNS.units.test(f))
          .map(entryId),
      )
    : new Set<string>();
  if (owner && !unitIds.has(owner)) {
    problems.push({
      file,
      field: 'Đơn vị chủ quản (owner)',
      message: `không tìm thấy "${owner}" trong content/units/.${ownerSuggestion(owner, unitIds, units)} Hãy ghi đúng mã (tên tệp không có đuôi) của một đơn vị, tạo hồ sơ đơn vị đó (npm run site:init hoặc npm run new -- unit "Tên đơn vị"), hoặc bỏ trường này nếu trang là cổng thông tin chung. (unknown owner unit)`,
    });
  }
  for (const [key, label, img] of [
    ['logo', 'Biểu trưng (logo)', logo],
    ['shareCard', 'Ảnh chia sẻ', shareCard],
  ] as const) {
    if (img && !existsSync(join(publicDir, img.image))) {
      problems.push({
        file,
        field: `${label} › Tệp ảnh (${key}.image)`,
        message: `không tìm thấy ảnh "${img.image}" trong thư mục public/. Hãy đặt tệp ảnh vào public${img.image}, sửa đường dẫn (phân biệt chữ hoa, chữ thường) hoặc bỏ trường ${key}. (image not found)`,
      });
    }
  }
  return problems;
}

/** " Có phải bạn muốn: `…`?" for an unknown owner unit: its id, or a unit's names. */
function ownerSuggestion(owner: string, ids: ReadonlySet<string>, units: RawContent['units']): string {
  const named = new Map(units.map((u) => [u.id, [u.data.name, u.data.shortName, ...u.data.aliases]]));
  const asked = didYouMean(
    suggest(
      owner,
      [...ids].map((id) => ({ id, names: named.get(id) ?? [] })),
    ),
  );
  return asked ? ` ${asked}` : '';
}

type Add = (file: string, field: string, message: string) => void;

/**
 * Dates YAML read from an impossible day: js-yaml (Astro's parser) rolls an unquoted 2023-02-30
 * over to 2 March instead of refusing it, so the schema cannot see it; the text it was read from can.
 */
function checkDates(data: unknown, add: Add, path: PropertyKey[] = []): void {
  if (data instanceof Date) {
    const source = timestampSource(data);
    const day = source && /^(\d{4})-(\d\d?)-(\d\d?)/.exec(source);
    if (day) {
      const [, y, m, d] = day.map(Number) as [number, number, number, number];
      const real = new Date(Date.UTC(y, m - 1, d));
      if (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d)
        add(
          '',
          fieldOf(path),
          `"${source}" không phải ngày hợp lệ (tháng ${m} không có ngày ${d}); hãy viết năm-tháng-ngày, ví dụ: 2023-07-24 cho ngày 24/7/2023. (expected a real YYYY-MM-DD date)`,
        );
    }
    return;
  }
  if (Array.isArray(data)) data.forEach((v, i) => checkDates(v, add, [...path, i]));
  else if (data !== null && typeof data === 'object')
    for (const [k, v] of Object.entries(data)) checkDates(v, add, [...path, k]);
}

/** Control and bidi characters in a body: ill-formed XML in the RSS, text that reads otherwise. */
function checkBodyText(body: string, firstLine: number, add: Add): void {
  const found = unsafeCharacter(body);
  if (!found) return;
  const index = body.indexOf(String.fromCodePoint(parseInt(found.slice(2), 16)));
  const line = firstLine + lineOf(body, index) - 1;
  add(
    '',
    `nội dung (dòng ${line})`,
    `có ký tự điều khiển ẩn ${found} (thường do chép từ trang web hay phần mềm khác): nó làm hỏng RSS hoặc đảo hướng chữ để chữ hiện ra khác với nội dung thật. Hãy xóa rồi gõ lại dòng đó. (control or bidi character)`,
  );
}

/** A link of a body to a path of the site ("/tin-tuc/bai-khac/"), for the check across files. */
export interface BodyLink {
  /** The file the link is in (as problems name it). */
  file: string;
  line: number;
  url: string;
}

interface MdNode {
  type: string;
  value?: string;
  url?: string;
  label?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

// CommonMark without GFM: GFM adds only tables, strikethrough, footnotes and literal autolinks
// (http(s), mailto, www: always allowed), and costs four times the parse (2.6 s against 0.6 s for
// 1,000 generated articles). Raw HTML and links are found the same; a footnote definition
// ("[^1]: …") reads as a link definition here and is skipped below.
const markdownParser = unified().use(remarkParse);
const mdxParser = unified().use(remarkParse).use(remarkMdx);

/**
 * The content policy (src/model/content-policy.ts) on a body: raw HTML outside the allowlist,
 * and links, images and definitions whose URL is not http(s), mailto, tel or of the site.
 * In .mdx, JSX is code (reviewed like code) and only Markdown's own links are checked.
 * Returns the body's links to paths of the site.
 */
function checkBodyPolicy(body: string, firstLine: number, isMdx: boolean, add: Add): Omit<BodyLink, 'file'>[] {
  if (!/[<\]]/.test(body)) return [];
  let tree: MdNode;
  try {
    tree = (isMdx ? mdxParser : markdownParser).parse(body) as MdNode;
  } catch {
    return []; // an MDX syntax error, reported by checkBody
  }
  const links: Omit<BodyLink, 'file'>[] = [];
  const walk = (node: MdNode) => {
    const line = firstLine + (node.position?.start.line ?? 1) - 1;
    if (node.type === 'html' && node.value) {
      for (const v of htmlViolations(node.value)) add('', `nội dung (dòng ${line})`, describeViolation(v));
    } else if (
      (node.type === 'link' || node.type === 'image' || (node.type === 'definition' && !node.label?.startsWith('^'))) &&
      node.url !== undefined
    ) {
      if (!isSafeUrl(node.url)) {
        const what = node.type === 'image' ? 'ảnh' : 'liên kết';
        add(
          '',
          `nội dung (dòng ${line})`,
          `${what} tới "${node.url}" không được dùng: địa chỉ này có thể chạy mã khi bạn đọc bấm vào. ${URL_FIX} (URL scheme not allowed)`,
        );
      } else if (node.type !== 'image' && node.url.startsWith('/') && !node.url.startsWith('//')) {
        links.push({ line, url: node.url });
      }
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return links;
}

/**
 * Links of public pages to pages of the site that lead a reader nowhere (internalLinkProblem:
 * an unknown, draft or scheduled article, an unknown unit or award, a draft award, a section the
 * site does not have), each with file, line and link. A draft's own links are checked once it is
 * published. `astro dev` marks such links on the page instead (the guard does not run there).
 */
export function checkInternalLinks(content: RawContent, links: readonly BodyLink[], now: Date): ContentProblem[] {
  const targets = {
    news: new Map(content.news.map((n) => [n.id, n])),
    units: new Set(content.units.map((u) => u.id)),
    awards: new Map(content.awards.map((a) => [a.id, a])),
  };
  const hidden = new Set(
    content.news.filter((n) => publicationState(n.data, now) !== 'published').map((n) => n.filePath),
  );
  return links.flatMap(({ file, line, url }) => {
    if (hidden.has(file)) return [];
    const message = internalLinkProblem(url, targets, now);
    return message ? [{ file, field: `nội dung (dòng ${line})`, message }] : [];
  });
}

/** Astro's image formats (astro:assets): any other file as an image stops the build. */
const IMAGE_FORMATS = /\.(jpe?g|png|webp|avif|gif|svg|tiff?)$/i;

const imageFormatProblem = (src: string) =>
  `"${src}" không phải tệp ảnh dùng được (chỉ nhận .jpg, .jpeg, .png, .webp, .avif, .gif, .svg, .tif). Hãy lưu ảnh ở một trong các dạng đó (ví dụ xuất lại thành .jpg) và sửa đường dẫn; tài liệu (.pdf, .docx) thì đặt thành liên kết: [Tên tài liệu](./tai-lieu.pdf). (unsupported image format)`;

interface MdxNode extends MdNode {
  name?: string | null;
}

/** The names an MDX file's own import and export statements declare. */
function declaredNames(esm: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const code of esm) {
    for (const m of code.matchAll(/\bimport\s+([\s\S]*?)\s+from\s/g)) {
      const clause = m[1]!;
      for (const n of clause.replace(/\{[^}]*\}/g, '').matchAll(/(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)/g)) names.add(n[1]!);
      for (const part of /\{([^}]*)\}/.exec(clause)?.[1]?.split(',') ?? []) {
        const local = part
          .trim()
          .split(/\s+as\s+/)
          .at(-1)
          ?.trim();
        if (local) names.add(local);
      }
    }
    for (const m of code.matchAll(/\bexport\s+(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g))
      names.add(m[1]!);
  }
  return names;
}

/**
 * What an MDX body names but does not have: a component (<Khung>) used without being imported —
 * the site passes no components to MDX, so it stops the build while the page renders — and an
 * import of a file beside the article that is not there.
 */
function checkMdxNames(
  file: string,
  tree: MdNode,
  firstLine: number,
  add: Add,
  exists: (path: string) => boolean,
): void {
  const esm: { value: string; line: number }[] = [];
  const used: { name: string; line: number }[] = [];
  const walk = (node: MdxNode) => {
    const line = firstLine + (node.position?.start.line ?? 1) - 1;
    if (node.type === 'mdxjsEsm' && node.value) esm.push({ value: node.value, line });
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name &&
      /^[A-Z]/.test(node.name)
    )
      used.push({ name: node.name.split('.')[0]!, line });
    node.children?.forEach(walk);
  };
  walk(tree);
  const declared = declaredNames(esm.map((e) => e.value));
  const reported = new Set<string>();
  for (const { name, line } of used) {
    if (declared.has(name) || reported.has(name)) continue;
    reported.add(name);
    add(
      file,
      `nội dung (dòng ${line})`,
      `thành phần <${name}> chưa được nhập (import) trong bài, nên trang không dựng được. Hãy thêm dòng "import ${name} from '…';" ở đầu phần nội dung (hỏi người phụ trách kỹ thuật đường dẫn), hoặc bỏ thẻ <${name}> và viết bằng Markdown. (MDX component ${name} is not imported)`,
    );
  }
  for (const { value, line } of esm) {
    for (const m of value.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const source = m[1]!;
      if (/\.[a-z0-9]+$/i.test(source) && !exists(resolve(dirname(file), source)))
        add(
          file,
          `nội dung (dòng ${line})`,
          `không tìm thấy tệp "${source}" được nhập (import) ở dòng ${line} (tính từ thư mục của bài). Hãy sửa đường dẫn cho đúng (phân biệt chữ hoa, chữ thường) hoặc bỏ dòng import đó. (MDX import not found)`,
        );
    }
  }
}

function checkBody(
  file: string,
  body: string,
  firstLine: number,
  isMdx: boolean,
  add: (file: string, field: string, message: string) => void,
  exists: (path: string) => boolean = existsSync,
) {
  for (const m of body.matchAll(IMAGE)) {
    const line = firstLine + lineOf(body, m.index) - 1;
    const [, alt = '', src = ''] = m;
    if (alt.trim() === '') {
      add(
        file,
        `nội dung (dòng ${line})`,
        `ảnh "${src}" thiếu lời mô tả (alt): người khiếm thị và máy tìm kiếm không biết ảnh có gì. Hãy viết mô tả trong ngoặc vuông, ví dụ: ![Quang cảnh Hội nghị](${src}). (image without alt text)`,
      );
    }
    if (isLocal(src) && !IMAGE_FORMATS.test(src)) {
      add(file, `nội dung (dòng ${line})`, imageFormatProblem(src));
    } else if (isLocal(src) && !exists(resolve(dirname(file), decodeURI(src)))) {
      add(
        file,
        `nội dung (dòng ${line})`,
        `không tìm thấy ảnh "${src}" (tính từ thư mục của bài). Hãy đặt tệp ảnh vào đó hoặc sửa đường dẫn. (image not found)`,
      );
    }
  }
  if (isMdx) {
    try {
      checkMdxNames(file, mdxParser.parse(body) as MdNode, firstLine, add, exists);
    } catch (error) {
      const place = (error as { line?: number; place?: { line?: number; start?: { line?: number } } }) ?? {};
      const inner = place.line ?? place.place?.line ?? place.place?.start?.line;
      const line = inner ? firstLine + inner - 1 : undefined;
      const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
      add(
        file,
        line ? `nội dung (dòng ${line})` : 'nội dung',
        `lỗi cú pháp MDX${line ? ` ở dòng ${line}` : ''}. Trong tệp .mdx, thẻ như <Khung> phải được đóng (</Khung>), dấu "{", "}" và "<" trong văn bản phải viết là \\{, \\} và &lt;; nếu bài không cần thành phần nào, hãy đổi đuôi tệp thành .md. (${reason})`,
      );
    }
  }
}

/** The report printed when the guard fails a build (or `npm run check:content`). */
export const guardReport = (problems: readonly ContentProblem[]): string =>
  formatProblems(problems, {
    consequence: 'bản dựng dừng lại, trang đang xuất bản không bị thay đổi',
    check: 'content check failed',
  });

/**
 * The guard's verdict: its message is the whole Vietnamese report (what `astro build` run by hand
 * prints), `problems` the list the build's entry (scripts/lib/publish/astro-build.ts) and
 * `npm run check:content` report without a stack trace (src/editor/messages.ts, failureReport).
 */
export class ContentGuardError extends Error {
  override name = 'ContentGuardError';
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(guardReport(problems));
    this.problems = problems;
  }
}

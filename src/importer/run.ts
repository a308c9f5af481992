/**
 * The importer's batch driver: inputs → files in the content tree, with the manifest, a
 * per-file report and progress. The CLI (scripts/import.ts) only parses arguments.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { importArticle, type ImportedArticle } from './article.ts';
import { vietnamCalendarDate } from '#src/text/dates.ts';
import { checkInputSize, decodeInput, ImportInputError, type InputKind } from './decode.ts';
import type { ImageSource } from './image-source.ts';
import { decide, readManifest, sha256, writeManifest, type Manifest, type WriteOutcome } from './manifest.ts';
import { decodePage } from './page.ts';
import { articleBaseId, freeId, planFiles } from './records.ts';
import { bodyToMarkdown } from './serialize.ts';
import { loadUnits, UnitMatcher } from './units.ts';
import type { RemovedBlock } from './chrome.ts';
import { describeImage, type ImageReport, resolveImages } from './images.ts';
import { savedPageImageSource } from './images/saved-page.ts';
import { ImageStore, yearFolder } from './images/store.ts';

export interface RunOptions {
  inputs: string[];
  outDir: string;
  awardsDir?: string;
  unitsDir?: string;
  manifestPath?: string;
  dryRun?: boolean;
  force?: boolean;
  /** Run day "YYYY-MM-DD" (default: today in Vietnam). */
  today?: string;
  cwd?: string;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

export interface JsonAward {
  form: string;
  title: string | null;
  year: number | null;
  conferredBy: string | null;
  recipients: string[];
  sentence: string;
}

export interface InputResult {
  source: string;
  ok: boolean;
  error?: string;
  title?: string;
  publishedAt?: string | null;
  author?: string | null;
  body?: string;
  units?: string[];
  awards?: JsonAward[];
  files?: { path: string; outcome: WriteOutcome }[];
  removed?: RemovedBlock[];
  notes?: string[];
  /** Each picture of the page: brought, reused, refused or not brought, and why. */
  images?: ImageReport[];
}

const INPUT_EXT = /\.(txt|text|html?|xhtml|php|aspx?)$/i;

/**
 * Input files: files as given, folders walked (hidden files skipped), sorted. Links are followed,
 * but every folder and file is visited once by its real path: a link to a folder above it (or to
 * itself) would otherwise walk in circles until the path got too long, importing the same files
 * dozens of times (and two such links, exponentially many: the import hung).
 */
export function collectInputs(paths: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>(); // real paths of folders walked and files taken
  const walk = (p: string, explicit: boolean) => {
    let st;
    let real: string;
    try {
      st = statSync(p);
      real = realpathSync(p);
    } catch {
      out.push(p); // reported as "not found" when read
      return;
    }
    if (seen.has(real)) return;
    if (st.isDirectory()) {
      seen.add(real);
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name), false);
    } else if (explicit || INPUT_EXT.test(p)) {
      seen.add(real);
      out.push(p);
    }
  };
  for (const p of paths) walk(p, true);
  return out;
}

function writeAtomic(path: string, content: string) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function jsonAwards(a: ImportedArticle): JsonAward[] {
  return a.awards.map((x) => ({
    form: x.form,
    title: x.title,
    year: x.year,
    conferredBy: x.conferredBy?.text ?? null,
    recipients: x.recipientText,
    sentence: x.sentence,
  }));
}

/** Why a picture of a text input is not brought (a text file has none). */
const NO_IMAGE_SOURCE = 'tệp văn bản không kèm ảnh';

/** A page fetched over HTTP: its bytes, address and Content-Type header (for the charset). */
export interface PageInput {
  bytes: Uint8Array;
  url: string;
  contentType: string | null;
  /** Where the page's images come from (the crawler's HTTP source); none: images are listed as not brought. */
  images?: ImageSource;
}

/** Decides, once the article is read, whether to write it: a reason to skip it, or null. */
export type PageFilter = (article: ImportedArticle) => string | null;

export interface PageResult extends InputResult {
  /** Set when the filter refused the article: nothing was written. */
  skipped?: string;
}

/**
 * An import held open over many inputs: the manifest, units and ids planned so far are read once
 * and shared. `importFile` is what `runImport` does per file; `importPage` is the entry point for
 * pages from HTTP (crawl mode), through the same pipeline; `finish` writes the manifest.
 */
export interface ImportSession {
  importFile(abs: string): Promise<InputResult>;
  importPage(page: PageInput, filter?: PageFilter): Promise<PageResult>;
  /** Manifest keys of the files written (or found unchanged) from a source. */
  filesOf(source: string): string[];
  /** Write the manifest (after each page in crawl mode, so an interrupted crawl resumes). */
  save(): void;
  manifest: Manifest;
  /** Where the manifest is written (absolute). */
  manifestPath: string;
}

export async function runImport(options: RunOptions): Promise<InputResult[]> {
  const session = openImport(options);
  const inputs = collectInputs(options.inputs.map((p) => resolve(options.cwd ?? process.cwd(), p)));
  const started = Date.now();
  const results: InputResult[] = [];
  for (const [index, abs] of inputs.entries()) {
    if (options.progress && inputs.length >= 50 && (index % 100 === 0 || index === inputs.length - 1)) {
      const source = relative(options.cwd ?? process.cwd(), abs) || abs;
      const s = ((Date.now() - started) / 1000).toFixed(1);
      options.progress(
        `[${String(index + 1).padStart(String(inputs.length).length)}/${inputs.length}] ${s}s ${source}`,
      );
    }
    results.push(await session.importFile(abs));
  }
  session.save();
  return results;
}

export function openImport(options: Omit<RunOptions, 'inputs'>): ImportSession {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const contentRoot = dirname(outDir);
  const awardsDir = resolve(cwd, options.awardsDir ?? join(contentRoot, 'awards'));
  const unitsDir = resolve(cwd, options.unitsDir ?? join(contentRoot, 'units'));
  const manifestPath = resolve(cwd, options.manifestPath ?? join(contentRoot, '.import-manifest.json'));
  const manifestRoot = dirname(manifestPath);
  const manifest = readManifest(manifestPath);
  const units = new UnitMatcher(loadUnits(unitsDir));
  const today = options.today ?? vietnamCalendarDate(new Date());
  const key = (abs: string) => relative(manifestRoot, abs).split('\\').join('/');
  const claimed = new Set<string>(); // output paths planned in this batch
  const bySource = new Map<string, string[]>();
  for (const [k, e] of Object.entries(manifest.files)) bySource.set(e.source, [...(bySource.get(e.source) ?? []), k]);

  const images = new ImageStore(outDir, manifest.files, key);
  const readFile = (abs: string) => {
    let size: number;
    try {
      size = statSync(abs).size;
    } catch {
      throw new ImportInputError('không tìm thấy tệp (file not found)');
    }
    checkInputSize(size); // before reading a file that may be huge
    return decodeInput(readFileSync(abs), abs);
  };
  /** One input through the pipeline; `read` decodes it, `filter` may refuse it before writing. */
  const importOne = async (
    source: string,
    read: () => { text: string; kind: InputKind; notes?: string[] },
    imageSource: (kind: InputKind) => ImageSource | undefined,
    filter?: PageFilter,
    pageUrl?: string,
  ): Promise<PageResult> => {
    try {
      const { text, kind, notes: decodeNotes = [] } = read();
      const article = importArticle(text, kind, { units, today });
      // A page from HTTP names its own address when it gives no og:url or canonical one.
      if (pageUrl && !article.sourceUrl) article.sourceUrl = pageUrl;
      if (article.body.children.length === 0)
        throw new ImportInputError('không tìm thấy nội dung bài viết trong tệp (no article text found)');
      const skipped = filter?.(article);
      if (skipped) return { source, ok: true, skipped, title: article.title, publishedAt: article.publishedAt };
      // Pictures first: what follows, from the ids chosen to the files written, runs without a
      // pause, so pages imported side by side (crawl mode) never pick the same id.
      const pictures = await resolveImages(article.body, {
        source: imageSource(kind),
        noSourceReason: NO_IMAGE_SOURCE,
        store: images,
        year: yearFolder(article.publishedAt),
        sourceName: source,
      });

      // Earlier import of the same source: same ids. Otherwise free ids.
      const previous = (bySource.get(source) ?? []).map((k) => [k] as const);
      const newsKey = (id: string) => key(join(outDir, `${id}.md`));
      const awardKey = (id: string) => key(join(awardsDir, `${id}.yaml`));
      const prevArticle = previous.find(
        ([k]) => k.startsWith(key(outDir) + '/') && /^[^/]+\.mdx?$/.test(k.slice(key(outDir).length + 1)),
      )?.[0];
      const articleId =
        prevArticle !== undefined
          ? basename(prevArticle).replace(/\.mdx?$/, '')
          : freeId(
              articleBaseId(article),
              (id) =>
                claimed.has(newsKey(id)) ||
                existsSync(join(outDir, `${id}.md`)) ||
                existsSync(join(outDir, `${id}.mdx`)),
            );
      const prevAwards = previous
        .filter(([k]) => k.startsWith(key(awardsDir) + '/'))
        .map(([k]) => basename(k, '.yaml'));
      const bodyMarkdown = bodyToMarkdown(pictures.body);
      const planned = planFiles(
        article,
        articleId,
        (id) => claimed.has(awardKey(id)) || (!prevAwards.includes(id) && existsSync(join(awardsDir, `${id}.yaml`))),
        prevAwards,
        bodyMarkdown,
        pictures.hero,
      );
      const files: { path: string; outcome: WriteOutcome }[] = [];
      for (const f of planned) {
        const path = f.kind === 'article' ? join(outDir, `${f.id}.md`) : join(awardsDir, `${f.id}.yaml`);
        const k = key(path);
        claimed.add(k);
        const outcome = decide(readOrNull(path), f.content, manifest.files[k], !!options.force);
        files.push({ path: relative(cwd, path), outcome });
        if (options.dryRun) continue;
        if (outcome === 'created' || outcome === 'updated' || outcome === 'overwritten') {
          writeAtomic(path, f.content);
          manifest.files[k] = { source, hash: sha256(f.content), at: new Date().toISOString() };
        } else if (outcome === 'unchanged' && !manifest.files[k]) {
          manifest.files[k] = { source, hash: sha256(f.content), at: new Date().toISOString() };
        }
        if (manifest.files[k]?.source === source && !(bySource.get(source) ?? []).includes(k))
          bySource.set(source, [...(bySource.get(source) ?? []), k]);
        // Pictures are written with their article, never for one kept as the editor left it.
        if (f.kind === 'article' && outcome === 'kept-edited')
          for (const r of pictures.images)
            if (r.outcome === 'created')
              Object.assign(r, {
                outcome: 'not-brought',
                reason: 'bài đã được sửa sau lần nhập trước: không ghi ảnh mới',
              });
        if (f.kind === 'article' && outcome !== 'kept-edited')
          for (const p of pictures.placements) {
            if (images.write(p, source, new Date().toISOString()))
              for (const r of pictures.images) if (r.path === p.markdownPath) r.outcome = 'created';
          }
      }
      return {
        source,
        ok: true,
        title: article.title,
        publishedAt: article.publishedAt,
        author: article.author,
        body: bodyMarkdown,
        units: article.units,
        awards: jsonAwards(article),
        files,
        removed: article.removed,
        notes: [...decodeNotes, ...article.notes],
        images: pictures.images,
      };
    } catch (error) {
      const message =
        error instanceof ImportInputError
          ? error.message
          : `lỗi khi nhập: ${(error as Error).message} (unexpected error)`;
      return { source, ok: false, error: `${source}: ${message}` };
    }
  };
  return {
    manifest,
    manifestPath,
    importFile: (abs) =>
      importOne(
        relative(cwd, abs) || abs,
        () => readFile(abs),
        (kind) => (kind === 'html' ? savedPageImageSource(abs) : undefined),
      ),
    importPage: (page, filter) =>
      importOne(
        page.url,
        () => decodePage(page),
        () => page.images,
        filter,
        page.url,
      ),
    filesOf: (source) => bySource.get(source) ?? [],
    save: () => {
      if (!options.dryRun) writeManifest(manifestPath, manifest);
    },
  };
}

/** A human report: per file what was written or kept, what was removed as chrome and why. */
export function formatReport(results: InputResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (!r.ok) {
      lines.push(`✗ ${r.error}`);
      continue;
    }
    lines.push(`✓ ${r.source} → "${r.title}" (${r.publishedAt ?? 'không rõ ngày'}; ${r.author ?? 'không rõ tác giả'})`);
    for (const f of r.files ?? []) {
      const why =
        f.outcome === 'kept-edited'
          ? ' — đã được sửa sau lần nhập trước hoặc không do trình nhập tạo; giữ nguyên (dùng --force để ghi đè)'
          : '';
      lines.push(`    ${f.outcome}: ${f.path}${why}`);
    }
    for (const i of r.images ?? [])
      lines.push(`    ${i.outcome === 'refused' || i.outcome === 'not-brought' ? '!' : '+'} ${describeImage(i)}`);
    for (const x of r.removed ?? []) lines.push(`    - bỏ [${x.rule}] ${x.text.replace(/\s+/g, ' ').slice(0, 100)}`);
    for (const n of r.notes ?? []) lines.push(`    ! ${n}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  lines.push(`${results.length - failed}/${results.length} tệp nhập được${failed ? `, ${failed} tệp lỗi` : ''}.`);
  return lines.join('\n');
}

/**
 * The Word file of a unit's "Bảng tổng hợp thành tích khen thưởng" (src/site/view-models/dossier.ts),
 * built at build time with the `docx` library: A4 portrait, the margins and Times New Roman 13 pt
 * of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP), the same columns and rows as
 * the printable page, a header row repeated on every page. Dossiers are written in Word, so an
 * office copies the table into its report as it is. See tests/unit/dossier-docx.test.ts.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { DOSSIER_COLUMNS, type Dossier, type DossierRow } from '#src/site/view-models/dossier.ts';

/** Millimetres to twentieths of a point (Word's page unit). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/** Column widths in per cent of the table: STT, năm, hình thức, nội dung, quyết định, cơ quan. */
const WIDTHS = [6, 8, 17, 33, 18, 18];
const FONT = 'Times New Roman';

/** What each cell of a row says, in column order: the printable page and this file share it. */
export type DossierCells = [
  stt: string[],
  year: string[],
  form: string[],
  content: string[],
  decision: string[],
  conferrer: string[],
];

export function dossierCells(row: DossierRow): DossierCells {
  return [
    [String(row.stt)],
    [String(row.year)],
    [row.form],
    [row.content, row.predecessorNote, row.revokedNote].filter((s): s is string => !!s),
    [row.decision],
    [row.conferrer],
  ];
}

const cell = (paragraphs: string[], { header = false, revoked = false } = {}, width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: paragraphs.map(
      (text, i) =>
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [
            new TextRun({
              text,
              bold: header || (revoked && text.startsWith('Đã thu hồi')),
              italics: !header && i > 0 && !text.startsWith('Đã thu hồi'),
              size: 24,
              font: FONT,
            }),
          ],
        }),
    ),
  });

export function dossierDocument(d: Dossier): Document {
  const header = new TableRow({
    tableHeader: true,
    children: DOSSIER_COLUMNS.map((c, i) => cell([c], { header: true }, WIDTHS[i]!)),
  });
  const rows = d.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: dossierCells(r).map((texts, i) => cell(texts, { revoked: !!r.revokedNote }, WIDTHS[i]!)),
      }),
  );
  const para = (text: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
    new Paragraph({
      alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      spacing: { after: 120 },
      children: [new TextRun({ text, bold: opts.bold ?? false, size: opts.size ?? 26, font: FONT })],
    });
  return new Document({
    title: d.pageTitle,
    creator: d.unitName,
    description: d.description,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGIN },
        },
        children: [
          para(d.title.toLocaleUpperCase('vi'), { bold: true, size: 28, center: true }),
          para(d.unitName, { bold: true, center: true }),
          para(d.summary),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
}

/**
 * The moment written into every .docx (zip entry times, docProps/core.xml created/modified): the
 * `docx` library writes the current time, which made two builds of the same content differ (and an
 * incremental build's copy differ from a cold build's). 1980-01-01 is the zip format's first date.
 * Zip entry times are local times (fflate reads the Date's local fields), so the moment is built
 * from local fields too, when the file is written: a UTC instant would fall on 1979-12-31 west of Greenwich, which the zip
 * format cannot hold (the build failed under TZ=America/Los_Angeles), and the bytes would depend
 * on the build machine's zone.
 */
const fixedTime = () => new Date(1980, 0, 1, 0, 0, 0);
const FIXED_TIME_ISO = '1980-01-01T00:00:00Z';

/** The same file with fixed times, so the bytes depend only on the dossier (reproducible builds). */
export function withFixedTimes(docx: Uint8Array): Uint8Array<ArrayBuffer> {
  const files = unzipSync(docx);
  const core = files['docProps/core.xml'];
  if (core) {
    const iso = FIXED_TIME_ISO;
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`),
    );
  }
  return new Uint8Array(zipSync(files, { mtime: fixedTime() }));
}

/** The .docx file's bytes. */
export async function dossierDocx(d: Dossier): Promise<Uint8Array<ArrayBuffer>> {
  return withFixedTimes(new Uint8Array(await Packer.toBuffer(dossierDocument(d))));
}

/** Bump when the layout above changes, so cached files are rebuilt. */
const LAYOUT_VERSION = 2;

/** Where built files are kept between builds (DOSSIER_DOCX_CACHE overrides). */
export function dossierDocxCacheDir(root = process.cwd()): string {
  return resolve(root, process.env.DOSSIER_DOCX_CACHE ?? 'node_modules/.cache/dossier-docx');
}

/** Content-hash file name: the same table and layout give the same name. */
export function dossierDocxKey(d: Dossier): string {
  return `${createHash('sha256')
    .update(JSON.stringify([LAYOUT_VERSION, d]))
    .digest('hex')
    .slice(0, 20)}.docx`;
}

/** Build a dossier's file and write it to `file` atomically (a temporary file, then a rename). */
export async function writeDossierDocx(d: Dossier, file: string): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await dossierDocx(d);
  await mkdir(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return bytes;
}

/** Files being built ahead of their pages by prewarmDossierDocx, by cache file. */
const building = new Map<string, Promise<void>>();

/**
 * Where the worker's module is: the project's src/ folder, which the build names in
 * CONGDOAN_SRC_DIR (src/integrations/render-order.ts), since the page code runs from a bundle.
 */
export function dossierWorkerModule(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.CONGDOAN_SRC_DIR ?? resolve(process.cwd(), 'src'), 'publishing/dossier-docx-worker.ts');
}

/**
 * Start building, in a worker thread, the files of the dossiers that are not cached yet, so that
 * they are ready when their pages come (the build renders those pages last,
 * src/integrations/render-order.ts). A worker because the docx library is JavaScript: on the
 * build's thread 500 dossiers took about 12 s of a 10,000-article build, and the garbage it left
 * raised the build's peak memory by about 0.9 GB; the worker's heap is gone when it ends. Only
 * files are produced. A file the worker could not build is left for cachedDossierDocx to build
 * again and report. Resolves with the number of files started.
 */
export async function prewarmDossierDocx(
  dossiers: readonly Dossier[],
  cacheDir = dossierDocxCacheDir(),
  workerModule = dossierWorkerModule(),
): Promise<number> {
  const jobs: { dossier: Dossier; file: string }[] = [];
  const seen = new Set<string>();
  for (const dossier of dossiers) {
    const file = join(cacheDir, dossierDocxKey(dossier));
    if (building.has(file) || seen.has(file)) continue;
    seen.add(file);
    try {
      await access(file);
    } catch {
      jobs.push({ dossier, file });
    }
  }
  if (!jobs.length) return 0;
  const settle = new Map<string, () => void>();
  for (const { file } of jobs) building.set(file, new Promise<void>((ok) => settle.set(file, ok)));
  const settleAll = () => {
    for (const ok of settle.values()) ok();
    settle.clear();
  };
  let worker: Worker;
  try {
    worker = new Worker(workerModule, { workerData: { jobs } });
  } catch {
    settleAll();
    return 0;
  }
  worker.on('message', (file: string) => {
    settle.get(file)?.();
    settle.delete(file);
  });
  // A worker that fails or ends early leaves the rest to cachedDossierDocx.
  worker.on('error', settleAll);
  worker.on('exit', settleAll);
  // A build that fails meanwhile is not held open by the worker.
  worker.unref();
  return jobs.length;
}

/**
 * The .docx of a dossier, built once and then reused from the cache while the table is unchanged:
 * building one takes the docx library about 0.1 s (a unit with 6 awards; 0.3 s with 40), too much
 * to repeat for hundreds of units on every build, and an unchanged table keeps the same bytes.
 * Waits for the file if prewarmDossierDocx is building it.
 */
export async function cachedDossierDocx(
  d: Dossier,
  cacheDir = dossierDocxCacheDir(),
): Promise<{ bytes: Uint8Array<ArrayBuffer>; cached: boolean }> {
  const file = join(cacheDir, dossierDocxKey(d));
  const pending = building.get(file);
  if (pending) {
    await pending;
    building.delete(file);
  }
  try {
    return { bytes: new Uint8Array(await readFile(file)), cached: !pending };
  } catch {
    // Not built yet, or the worker could not build it: build it here (an error is then reported).
  }
  return { bytes: await writeDossierDocx(d, file), cached: false };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

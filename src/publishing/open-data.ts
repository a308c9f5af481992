/**
 * Open data: award records and units as CSV and JSON, and the Frictionless Data Package
 * (https://specs.frictionlessdata.io/data-package/) that describes them. The rows and their
 * columns come from src/site/view-models/award-records.ts, so the files, the descriptor and the
 * pages can never disagree. CSV is RFC 4180 (comma, CRLF, double quotes) in UTF-8 with a byte
 * order mark, which Excel needs to read Vietnamese correctly; JSON is an array of row objects
 * with the same keys. Pure; see tests/unit/open-data.test.ts.
 */
import { AWARD_FIELDS, LIST_SEPARATOR, UNIT_FIELDS, type FieldInfo } from '#src/site/view-models/award-records.ts';

type Cell = string | number;

const BOM = '\uFEFF';

/** One CSV value: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvCell(value: Cell): string {
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV file: a BOM, a header line of field names, one line per row, CRLF line ends. */
export function toCsv<R extends Record<string, Cell>>(fields: readonly FieldInfo[], rows: readonly R[]): string {
  const names = fields.map((f) => f.name);
  const lines = [names.map(csvCell).join(','), ...rows.map((r) => names.map((n) => csvCell(r[n] ?? '')).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A JSON file: the rows as an array of objects, keys in field order, UTF-8 without BOM. */
export function toJson<R extends Record<string, Cell>>(fields: readonly FieldInfo[], rows: readonly R[]): string {
  const names = fields.map((f) => f.name);
  const ordered = rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n] ?? ''])));
  return `${JSON.stringify(ordered, null, 1)}\n`;
}

/** Rows whose `page` (a site path) becomes an absolute URL on the site's address. */
export const withAbsolutePages = <R extends { page: string }>(rows: readonly R[], site: URL | string): R[] =>
  rows.map((r) => ({ ...r, page: new URL(r.page, site).href }));

export const CSV_HEADERS = { 'Content-Type': 'text/csv; charset=utf-8' } as const;
export const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' } as const;

/** The Table Schema of a list of fields (https://specs.frictionlessdata.io/table-schema/). */
export function tableSchema(fields: readonly FieldInfo[]) {
  return {
    fields: fields.map((f) => ({
      name: f.name,
      type: f.type,
      format: f.format ?? 'default',
      title: f.title,
      description: f.description,
      ...(f.required || f.enum
        ? { constraints: { ...(f.required ? { required: true } : {}), ...(f.enum ? { enum: [...f.enum] } : {}) } }
        : {}),
    })),
    missingValues: [''],
    primaryKey: ['id'],
  };
}

export const DATA_FILES = {
  awards: { name: 'khen-thuong', title: 'Khen thưởng', fields: AWARD_FIELDS },
  units: { name: 'don-vi', title: 'Đơn vị', fields: UNIT_FIELDS },
} as const;

const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

export interface DataPackageOptions {
  /** The site's name, the package's publisher. */
  siteName: string;
  /** The site's home page, absolute. */
  homepage: string;
  /** When the build made the files (the build's clock). */
  created: Date;
}

/** The descriptor `datapackage.json`: the site-wide files, each as CSV and as JSON. */
export function dataPackage({ siteName, homepage, created }: DataPackageOptions) {
  const awardsSchema = tableSchema(AWARD_FIELDS);
  const unitsSchema = {
    ...tableSchema(UNIT_FIELDS),
    foreignKeys: [{ fields: ['parent'], reference: { resource: '', fields: ['id'] } }],
  };
  const resources = [
    { file: DATA_FILES.awards, schema: awardsSchema },
    { file: DATA_FILES.units, schema: unitsSchema },
  ].flatMap(({ file, schema }) => [
    {
      name: file.name,
      title: `${file.title} (CSV)`,
      path: `${file.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: CSV_DIALECT,
      schema,
    },
    {
      name: `${file.name}-json`,
      title: `${file.title} (JSON)`,
      path: `${file.name}.json`,
      profile: 'data-resource',
      format: 'json',
      mediatype: 'application/json',
      encoding: 'utf-8',
      schema,
    },
  ]);
  return {
    profile: 'data-package',
    name: 'khen-thuong-cong-doan',
    title: `Khen thưởng và đơn vị – ${siteName}`,
    description: [
      'Các quyết định khen thưởng, danh hiệu thi đua đã công bố và hồ sơ các đơn vị công đoàn.',
      'Quyết định đã thu hồi vẫn được liệt kê, có status = revoked và ngày, lý do thu hồi.',
      `Nhiều giá trị trong một ô được ngăn cách bởi “${LIST_SEPARATOR}”.`,
      'Mỗi đơn vị còn có tệp khen-thuong.csv và khen-thuong.json riêng trong thư mục trang của đơn vị',
      '(don-vi/<mã đơn vị>/), cùng cấu trúc với khen-thuong.csv, gồm cả khen thưởng của đơn vị tiền thân.',
    ].join(' '),
    homepage,
    created: created.toISOString(),
    languages: ['vi'],
    contributors: [{ title: siteName, role: 'publisher' }],
    resources,
  };
}

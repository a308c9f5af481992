/**
 * The explorer's CSV download: the rows of the current selection, in the order shown, as
 * RFC 4180 CSV with a UTF-8 byte-order mark and CRLF line ends, so Excel opens it with
 * Vietnamese intact. Pure; see tests/unit/award-explorer.test.ts.
 */
import type { ExplorerRow } from './model.ts';

/** The CSV's columns: header and the row's value. `url` makes the award page's address absolute. */
export const CSV_COLUMNS: readonly [string, (row: ExplorerRow, url: (id: string) => string) => string][] = [
  ['Năm', (r) => String(r.year)],
  ['Hình thức', (r) => r.form],
  ['Nội dung', (r) => r.title],
  ['Người nhận', (r) => r.names],
  ['Loại', (r) => r.kind],
  ['Đơn vị', (r) => r.units],
  ['Tỉnh, thành phố', (r) => r.provinces],
  ['Cơ quan khen thưởng', (r) => r.conferrer],
  ['Cấp khen thưởng', (r) => r.level],
  ['Số quyết định', (r) => r.decision],
  ['Ngày quyết định', (r) => r.decisionDate],
  ['Hiệu lực', (r) => r.status],
  ['Ngày thu hồi', (r) => r.revokedOn],
  ['Đường dẫn', (r, url) => url(r.id)],
];

const BOM = '\uFEFF';

/** One field, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: readonly ExplorerRow[], url: (id: string) => string): string {
  const lines = [CSV_COLUMNS.map(([header]) => csvField(header)).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map(([, value]) => csvField(value(row, url))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

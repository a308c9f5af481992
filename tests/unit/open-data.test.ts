/**
 * Open-data files (src/publishing/open-data.ts): CSV read back by a real CSV parser (csv-parse),
 * JSON rows and the Data Package descriptor validated with ajv (tests/support/data-package.ts).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, dataPackage, tableSchema, toCsv, toJson, withAbsolutePages } from '#src/publishing/open-data.ts';
import { AWARD_FIELDS, UNIT_FIELDS, awardRecordRows, unitRecordRows } from '#src/site/view-models/award-records.ts';
import { castRow, DATA_PACKAGE_SCHEMA, rowSchema, validator } from '../support/data-package.ts';
import { site } from '../support/award-site.ts';

const awardRows = awardRecordRows(site);
const unitRows = unitRecordRows(site);

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['Hồ sơ "không đúng"', '"Hồ sơ ""không đúng"""'],
    ['hai\ndòng', '"hai\ndòng"'],
    [' lề', '" lề"'],
    [2022, '2022'],
  ])('cell %j → %s', (value, out) => {
    expect(csvCell(value)).toBe(out);
  });

  it('starts with a BOM, ends lines with CRLF and reads back as the same rows', () => {
    const csv = toCsv(AWARD_FIELDS, awardRows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${AWARD_FIELDS.map((f) => f.name).join(',')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed: Record<string, string>[] = parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' });
    const schema = tableSchema(AWARD_FIELDS);
    expect(parsed.map((r) => castRow(schema, r))).toEqual(awardRows);
    expect(parsed.find((r) => r.id === 'a3-thu-hoi')?.revocation_reason).toBe('Hồ sơ "không đúng", cần xét lại.');
  });

  it('every CSV row is valid against its Table Schema', () => {
    for (const [fields, csv] of [
      [AWARD_FIELDS, toCsv(AWARD_FIELDS, awardRows)],
      [UNIT_FIELDS, toCsv(UNIT_FIELDS, unitRows)],
    ] as const) {
      const schema = tableSchema(fields);
      const valid = validator(rowSchema(schema));
      const parsed: Record<string, string>[] = parse(csv, { bom: true, columns: true });
      for (const r of parsed) expect(valid(castRow(schema, r)), r.id).toEqual([]);
    }
  });

  it('the schema validator refuses a bad row (it is not vacuous)', () => {
    const valid = validator(rowSchema(tableSchema(AWARD_FIELDS)));
    expect(valid({ ...awardRows[0], status: 'withdrawn' }).length).toBeGreaterThan(0);
    expect(valid({ ...awardRows[0], decision_date: '15/01/2024' }).length).toBeGreaterThan(0);
    expect(valid({ ...awardRows[0], year: '2022' }).length).toBeGreaterThan(0);
  });
});

it('the files name pages by absolute URL, under a base path too', () => {
  expect(withAbsolutePages([{ id: 'a', page: '/congdoan/khen-thuong/a/' }], 'https://example.gov.vn')).toEqual([
    { id: 'a', page: 'https://example.gov.vn/congdoan/khen-thuong/a/' },
  ]);
  expect(tableSchema(AWARD_FIELDS).fields.find((f) => f.name === 'page')?.format).toBe('uri');
});

describe('JSON', () => {
  it('is the rows as objects, keys in field order, valid against the Table Schema', () => {
    const json = JSON.parse(toJson(AWARD_FIELDS, awardRows));
    expect(json).toEqual(awardRows);
    const valid = validator(rowSchema(tableSchema(AWARD_FIELDS)));
    for (const r of json) expect(valid(r)).toEqual([]);
  });
});

describe('Data Package', () => {
  const descriptor = dataPackage({
    siteName: 'Tin Công đoàn',
    homepage: 'https://congdoan.example.vn/du-lieu/',
    created: new Date('2026-06-01T00:00:00Z'),
  });

  it('is a valid descriptor of tabular resources', () => {
    expect(validator(DATA_PACKAGE_SCHEMA)(descriptor)).toEqual([]);
    expect(validator(DATA_PACKAGE_SCHEMA)({ resources: [{ name: 'Hoa Hoa', path: '/x.csv' }] }).length).toBeGreaterThan(
      0,
    );
  });

  it('describes each file as CSV and JSON, with field names, types and Vietnamese titles', () => {
    expect(descriptor.resources.map((r) => r.path)).toEqual([
      'khen-thuong.csv',
      'khen-thuong.json',
      'don-vi.csv',
      'don-vi.json',
    ]);
    const awards = descriptor.resources[0]!;
    expect(awards).toMatchObject({ profile: 'tabular-data-resource', encoding: 'utf-8', dialect: { header: true } });
    expect(awards.schema.fields.map((f) => [f.name, f.type, f.title])).toEqual(
      AWARD_FIELDS.map((f) => [f.name, f.type, f.title]),
    );
    expect(awards.schema.fields.find((f) => f.name === 'status')?.constraints).toEqual({
      required: true,
      enum: ['in-force', 'revoked'],
    });
  });
});

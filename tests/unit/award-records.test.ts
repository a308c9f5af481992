/**
 * Award records and units as open-data rows (src/site/view-models/award-records.ts) and the
 * open-data page: drafts never appear, revoked decisions are marked, a unit's file includes its
 * predecessors' awards.
 */
import { describe, expect, it } from 'vitest';
import { isNfc } from '#src/text/vietnamese.ts';
import {
  AWARD_FIELDS,
  UNIT_FIELDS,
  awardRecordRows,
  unitAwardRecordRows,
  unitRecordRows,
} from '#src/site/view-models/award-records.ts';
import { openDataPage } from '#src/site/view-models/open-data-page.ts';
import { site } from '../support/award-site.ts';

describe('award record rows', () => {
  const rows = awardRecordRows(site);

  it('lists every visible award, newest year first, and never a draft', () => {
    expect(rows.map((r) => r.id)).toEqual(['a3-thu-hoi', 'a5-khac', 'a2-co-thi-dua', 'a1-bang-khen']);
  });

  it('writes every field, in the field list’s order, with empty strings for what is not stated', () => {
    for (const r of rows) expect(Object.keys(r)).toEqual(AWARD_FIELDS.map((f) => f.name));
    expect(rows.find((r) => r.id === 'a1-bang-khen')).toMatchObject({
      year: 2021,
      form: 'bang-khen',
      form_label: 'Bằng khen',
      title: 'Hoàn thành xuất sắc nhiệm vụ',
      display_title: 'Bằng khen “Hoàn thành xuất sắc nhiệm vụ” năm 2021',
      conferrer: 'Liên đoàn Lao động tỉnh Quảng Ngãi',
      conferrer_unit: 'ldld',
      conferrer_level: 'lien-doan-tinh',
      conferrer_level_label: 'Liên đoàn Lao động tỉnh, thành phố',
      decision_number: '12/QĐ-LĐLĐ',
      decision_date: '2022-01-15',
      recipient_kind: 'Tập thể',
      recipients: 'Công đoàn cũ',
      recipient_units: 'cu',
      campaign: '',
      status: 'in-force',
      status_label: 'Còn hiệu lực',
      revocation_date: '',
      page: '/khen-thuong/a1-bang-khen/',
    });
  });

  it('marks a revoked decision as revoked, with its date, decision and reason', () => {
    expect(rows.find((r) => r.id === 'a3-thu-hoi')).toMatchObject({
      status: 'revoked',
      status_label: 'Đã thu hồi',
      revocation_date: '2024-03-01',
      revocation_decision: '12/QĐ-UBND',
      revocation_reason: 'Hồ sơ "không đúng", cần xét lại.',
      recipient_kind: 'Cá nhân',
      recipients: 'Nguyễn Văn A, Chủ tịch (CĐ mới)',
    });
  });

  it('a unit’s rows are its history: its own and its predecessors’ awards, no draft', () => {
    expect(unitAwardRecordRows('moi', site).map((r) => r.id)).toEqual(['a3-thu-hoi', 'a2-co-thi-dua', 'a1-bang-khen']);
    expect(unitAwardRecordRows('khac', site).map((r) => r.id)).toEqual(['a5-khac']);
  });
});

describe('unit record rows', () => {
  it('gives lineage both ways and counts the awards in force the unit itself received', () => {
    const rows = unitRecordRows(site);
    for (const r of rows) expect(Object.keys(r)).toEqual(UNIT_FIELDS.map((f) => f.name));
    const moi = rows.find((r) => r.id === 'moi')!;
    expect(moi).toMatchObject({
      predecessors: 'cu',
      successors: '',
      parent: 'ldld',
      awards_received: 1,
      short_name: 'CĐ mới',
    });
    expect(rows.find((r) => r.id === 'cu')).toMatchObject({
      successors: 'moi',
      awards_received: 1,
      dissolved_on: '2023-06-30',
    });
  });
});

describe('field list', () => {
  it('every column has a Vietnamese title and description in NFC, and names are unique identifiers', () => {
    for (const fields of [AWARD_FIELDS, UNIT_FIELDS]) {
      expect(new Set(fields.map((f) => f.name)).size).toBe(fields.length);
      for (const f of fields) {
        expect(f.name).toMatch(/^[a-z][a-z_]*$/);
        expect(f.title.length, f.name).toBeGreaterThan(0);
        expect(isNfc(f.title) && isNfc(f.description), f.name).toBe(true);
      }
    }
  });

  it('the open-data page lists the files and every column with its title and type', () => {
    const page = openDataPage(site);
    expect(page.files.map((f) => f.href)).toEqual([
      '/du-lieu/khen-thuong.csv',
      '/du-lieu/khen-thuong.json',
      '/du-lieu/don-vi.csv',
      '/du-lieu/don-vi.json',
      '/du-lieu/datapackage.json',
    ]);
    expect(page.tables[0]!.fields.map((f) => f.name)).toEqual(AWARD_FIELDS.map((f) => f.name));
    expect(page.tables[0]!.fields.find((f) => f.name === 'decision_date')).toMatchObject({
      title: 'Ngày quyết định',
      type: 'ngày (YYYY-MM-DD)',
    });
    expect(page.intro[0]).toContain('4 quyết định khen thưởng');
  });
});

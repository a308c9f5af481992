/**
 * A small site index for the award products' tests (open data, dossier, statistics): a renamed
 * union (cu → moi), a federation that confers, a revoked individual award with a comma and quotes
 * in its reason, and a draft that must appear nowhere.
 */
import type { AwardEntry } from '#src/model/content-model.ts';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { award, unit } from './entries.ts';

const NOW = new Date('2026-06-01T00:00:00+07:00');

export const units = [
  unit('ldld', { name: 'Liên đoàn Lao động tỉnh Quảng Ngãi', level: 'lien-doan-tinh', province: 'Quảng Ngãi' }),
  unit('cu', { name: 'Công đoàn cũ', dissolvedOn: '2023-06-30', parent: 'ldld' }),
  unit('moi', {
    name: 'Công đoàn mới',
    shortName: 'CĐ mới',
    parent: 'ldld',
    lineage: [{ relation: 'predecessor', unit: 'cu', date: '2023-07-01', kind: 'renamed' }],
  }),
  unit('khac', { name: 'Công đoàn khác' }),
];

const revoked: AwardEntry = award('a3-thu-hoi', {
  form: 'giay-khen',
  title: 'Hoàn thành tốt nhiệm vụ',
  year: 2023,
  conferredBy: { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'tinh' },
  decision: { number: '99/QĐ-UBND', date: '2024-01-15' },
  recipients: [{ kind: 'individual', name: 'Nguyễn Văn A', unit: 'moi' }],
  status: 'revoked',
  revocation: { date: '2024-03-01', reason: 'Hồ sơ "không đúng", cần xét lại.', decision: '12/QĐ-UBND' },
});
revoked.data.recipients[0]!.role = 'Chủ tịch';

export const awards: AwardEntry[] = [
  award('a1-bang-khen', {
    form: 'bang-khen',
    title: 'Hoàn thành xuất sắc nhiệm vụ',
    year: 2021,
    conferredBy: { unit: 'ldld', level: 'lien-doan-tinh' },
    decision: { number: '12/QĐ-LĐLĐ', date: '2022-01-15' },
    recipients: [{ unit: 'cu' }],
  }),
  award('a2-co-thi-dua', {
    form: 'co-thi-dua',
    year: 2022,
    conferredBy: { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'tinh' },
    decision: { number: '38/QĐ-UBND' },
    recipients: [{ unit: 'moi' }],
    campaign: 'Thi đua yêu nước',
  }),
  revoked,
  award('a4-nhap', { form: 'bang-khen', year: 2023, recipients: [{ unit: 'moi' }], draft: true }),
  award('a5-khac', { form: 'bang-khen', year: 2023, recipients: [{ unit: 'khac' }] }),
];

export const site = buildSiteIndex({ news: [], awards, units }, { now: NOW, preview: false });

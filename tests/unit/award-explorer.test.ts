/**
 * The award explorer without a browser: the award rows (src/site/view-models/award-rows.ts), the
 * compact data (src/site/award-explorer-data.ts), the in-memory query (src/search/award-explorer/
 * model.ts), the URL state (state.ts) and the CSV (csv.ts), from a small site index.
 */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '#src/site/site-index.ts';
import { awardExplorerData } from '#src/site/award-explorer-data.ts';
import { awardRow } from '#src/site/view-models/award-rows.ts';
import { csvField, toCsv } from '#src/search/award-explorer/csv.ts';
import { loadExplorer } from '#src/search/award-explorer/model.ts';
import {
  decodeExplorerState,
  DEFAULT_STATE,
  encodeExplorerState,
  type ExplorerState,
} from '#src/search/award-explorer/state.ts';
import { award, unit } from '../support/entries.ts';

const site = buildSiteIndex(
  {
    units: [
      unit('ldld', { name: 'Liên đoàn Lao động tỉnh Quảng Ngãi', level: 'lien-doan-tinh', province: 'Quảng Ngãi' }),
      unit('cu', { name: 'Công đoàn cũ', parent: 'ldld', province: 'Quảng Ngãi' }),
      unit('moi', {
        name: 'Công đoàn mới',
        parent: 'ldld',
        province: 'Quảng Ngãi',
        lineage: [{ relation: 'predecessor', unit: 'cu' }],
      }),
      unit('to', { name: 'Tổ công đoàn', parent: 'moi', level: 'cong-doan-bo-phan' }),
      unit('hp', { name: 'Công đoàn Hải Phòng', province: 'Hải Phòng' }),
    ],
    news: [],
    awards: [
      award('a-2019', {
        form: 'bang-khen',
        year: 2019,
        title: 'Hoàn thành xuất sắc nhiệm vụ',
        conferredBy: { unit: 'ldld', level: 'lien-doan-tinh' },
        decision: { number: '38/QĐ-VKSTC', date: '2020-01-10' },
        recipients: [{ unit: 'cu' }],
      }),
      award('b-2021', {
        form: 'giay-khen',
        year: 2021,
        conferredBy: { name: 'Ủy ban nhân dân tỉnh Quảng Ngãi', level: 'tinh' },
        decision: { number: '138/QĐ-VKSTC' },
        recipients: [{ unit: 'moi' }],
        status: 'revoked',
        revocation: { date: '2023-05-02', reason: 'Sai.' },
      }),
      award('c-2025', {
        form: 'chien-si-thi-dua-co-so',
        year: 2025,
        recipients: [{ kind: 'individual', name: 'Đặng Thị Hồng', unit: 'to' }],
      }),
      award('d-2022', { form: 'bang-khen', year: 2022, recipients: [{ unit: 'hp' }] }),
      award('e-draft', { form: 'bang-khen', year: 2022, draft: true, recipients: [{ unit: 'hp' }] }),
    ],
  },
  { now: new Date('2026-06-01T00:00:00+07:00'), preview: false },
);
const data = awardExplorerData(site);
const explorer = loadExplorer(JSON.parse(JSON.stringify(data)));
const state = (s: Partial<ExplorerState>): ExplorerState => ({ ...DEFAULT_STATE, ...s });
const ids = (s: Partial<ExplorerState>) => explorer.query(state(s)).map((i) => explorer.row(i).id);

describe('awardRow', () => {
  it('says year, form, conferrer and level, recipients, decision and status', () => {
    expect(awardRow(site.awardsById.get('b-2021')!, site)).toMatchObject({
      id: 'b-2021',
      href: '/khen-thuong/b-2021/',
      year: 2021,
      formLabel: 'Giấy khen',
      conferrer: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
      conferrerLevelLabel: 'Ủy ban nhân dân tỉnh, thành phố',
      recipients: [
        { kind: 'collective', kindLabel: 'Tập thể', unitId: 'moi', unitName: 'Công đoàn mới', province: 'Quảng Ngãi' },
      ],
      decisionNumber: '138/QĐ-VKSTC',
      status: 'revoked',
      statusLabel: 'Đã thu hồi',
      revokedOn: '2023-05-02',
    });
  });
});

describe('awardExplorerData', () => {
  it('holds every visible award once, never a draft', () => {
    expect([...data.a.id].sort()).toEqual(['a-2019', 'b-2021', 'c-2025', 'd-2022']);
  });
  it('stores repeated values once and refers to them by index', () => {
    expect(data.f.filter((f) => f === 'bang-khen')).toHaveLength(1);
    expect(data.u.map(([id]) => id)).toContain('moi');
    const i = data.a.id.indexOf('b-2021');
    expect(data.u[data.a.r[i] as number]![0]).toBe('moi');
    expect(data.a.x).toEqual({ [String(i)]: '2023-05-02' });
    expect(data.pr).toEqual([[data.u.findIndex(([id]) => id === 'moi'), data.u.findIndex(([id]) => id === 'cu')]]);
  });
});

describe('loadExplorer().query', () => {
  it.each<[string, Partial<ExplorerState>, string[]]>([
    ['everything, newest first', {}, ['c-2025', 'd-2022', 'b-2021', 'a-2019']],
    ['a unit alone', { unit: 'moi' }, ['b-2021']],
    ['a unit with its predecessors', { unit: 'moi', predecessors: true }, ['b-2021', 'a-2019']],
    ['a unit with its sub-units', { unit: 'moi', subUnits: true }, ['c-2025', 'b-2021']],
    ['a unit with both', { unit: 'moi', predecessors: true, subUnits: true }, ['c-2025', 'b-2021', 'a-2019']],
    ['a federation with its sub-units, transitively', { unit: 'ldld', subUnits: true }, ['c-2025', 'b-2021', 'a-2019']],
    ['a year range', { from: 2020, to: 2022 }, ['d-2022', 'b-2021']],
    ['from a year', { from: 2022 }, ['c-2025', 'd-2022']],
    ['a form', { form: 'bang-khen' }, ['d-2022', 'a-2019']],
    ['a conferrer level', { level: 'tinh' }, ['b-2021']],
    ['a conferrer', { conferrer: 'Liên đoàn Lao động tỉnh Quảng Ngãi' }, ['a-2019']],
    ['a province', { province: 'Hải Phòng' }, ['d-2022']],
    ['individuals', { kind: 'individual' }, ['c-2025']],
    ['collectives', { kind: 'collective' }, ['d-2022', 'b-2021', 'a-2019']],
    ['revoked', { status: 'revoked' }, ['b-2021']],
    ['in force', { status: 'in-force' }, ['c-2025', 'd-2022', 'a-2019']],
    ['decision 38/QĐ-VKSTC', { q: '38/QĐ-VKSTC' }, ['a-2019']],
    ['decision 38/QD-VKSTC', { q: '38/QD-VKSTC' }, ['a-2019']],
    ['decision 38 qđ vkstc', { q: '38 qđ vkstc' }, ['a-2019']],
    ['decision 38/qd-vkstc', { q: '38/qd-vkstc' }, ['a-2019']],
    ['both decisions by issuer', { q: 'qd vkstc' }, ['b-2021', 'a-2019']],
    ['a name without tone marks', { q: 'dang thi hong' }, ['c-2025']],
    ['a name with tone marks', { q: 'Đặng Thị' }, ['c-2025']],
    ['a recipient unit by name', { q: 'cong doan cu' }, ['a-2019']],
    ['an unknown unit finds nothing', { unit: 'khong-co' }, []],
    ['sorted by decision number', { sort: 'decision', dir: 'asc' }, ['a-2019', 'b-2021', 'c-2025', 'd-2022']],
    ['sorted by year, oldest first', { sort: 'year', dir: 'asc' }, ['a-2019', 'b-2021', 'd-2022', 'c-2025']],
    ['sorted by validity, revoked last', { sort: 'status', dir: 'asc' }, ['c-2025', 'd-2022', 'a-2019', 'b-2021']],
  ])('%s', (_, s, expected) => {
    expect(ids(s)).toEqual(expected);
  });

  it('rows say revoked, with the date', () => {
    const row = explorer.row(data.a.id.indexOf('b-2021'));
    expect(row).toMatchObject({
      revoked: true,
      status: 'Đã thu hồi',
      revokedOn: '02/05/2023',
      decision: '138/QĐ-VKSTC',
    });
    expect(explorer.revokedCount).toBe(1);
  });

  it('counts per form and per province', () => {
    expect(explorer.forms.find((f) => f.id === 'bang-khen')?.count).toBe(2);
    expect(explorer.provinces).toEqual([
      { name: 'Hải Phòng', count: 1 },
      { name: 'Quảng Ngãi', count: 2 },
    ]);
  });
});

describe('explorer URL state', () => {
  it.each<[string, Partial<ExplorerState>]>([
    ['', {}],
    ['?don-vi=moi&tien-than=1&truc-thuoc=1', { unit: 'moi', predecessors: true, subUnits: true }],
    ['?tu-nam=2019&den-nam=2021&hinh-thuc=bang-khen', { from: 2019, to: 2021, form: 'bang-khen' }],
    [
      '?co-quan=%E1%BB%A6y+ban&cap=tinh&tinh=Qu%E1%BA%A3ng+Ng%C3%A3i',
      { conferrer: 'Ủy ban', level: 'tinh', province: 'Quảng Ngãi' },
    ],
    ['?loai=ca-nhan&hieu-luc=da-thu-hoi&q=38%2FQ%C4%90', { kind: 'individual', status: 'revoked', q: '38/QĐ' }],
    ['?sap-xep=so-quyet-dinh&chieu=asc&trang=3', { sort: 'decision', dir: 'asc', page: 3 }],
  ])('%s round-trips', (query, s) => {
    expect(encodeExplorerState(state(s))).toBe(query);
    expect(decodeExplorerState(query)).toEqual(state(s));
  });

  it('ignores malformed values and swaps a reversed year range', () => {
    expect(decodeExplorerState('?tu-nam=abc&trang=-2&sap-xep=nope&loai=x')).toEqual(DEFAULT_STATE);
    expect(decodeExplorerState('?tu-nam=2022&den-nam=2019')).toMatchObject({ from: 2019, to: 2022 });
  });

  it('drops the lineage options without a unit', () => {
    expect(encodeExplorerState(state({ predecessors: true }))).toBe('');
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('%j → %j', (value, expected) => expect(csvField(value)).toBe(expected));

  it('starts with a BOM, ends lines with CRLF, one row per record in the order given', () => {
    const rows = explorer.query(state({ sort: 'year', dir: 'asc' })).map((i) => explorer.row(i));
    const csv = toCsv(rows, (id) => `https://example.vn/khen-thuong/${id}/`);
    expect(csv.startsWith('\uFEFFNăm,Hình thức,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(rows.length + 2); // header, rows, final empty
    expect(lines[1]).toBe(
      '2019,Bằng khen,Hoàn thành xuất sắc nhiệm vụ,,Tập thể,Công đoàn cũ,Quảng Ngãi,Liên đoàn Lao động tỉnh Quảng Ngãi,"Liên đoàn Lao động tỉnh, thành phố",38/QĐ-VKSTC,10/01/2020,Còn hiệu lực,,https://example.vn/khen-thuong/a-2019/',
    );
    expect(lines[2]).toContain(',Đã thu hồi,02/05/2023,');
  });
});

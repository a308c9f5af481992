/**
 * Award statistics (src/site/view-models/award-statistics.ts): counts per year by form and by
 * conferring level, the ranking of units, revoked decisions counted apart, and the text
 * alternative (summary and table) of each chart.
 */
import { describe, expect, it } from 'vitest';
import {
  awardStatisticsPage,
  awardsPerYearByForm,
  awardsPerYearByLevel,
  chartTable,
  MAX_SERIES,
  topUnits,
  unitAwardChart,
} from '#src/site/view-models/award-statistics.ts';
import { AWARD_FORMS, type AwardForm } from '#src/model/vocabulary.ts';
import { award } from '../support/entries.ts';
import { site } from '../support/award-site.ts';

describe('awards per year by form', () => {
  const chart = awardsPerYearByForm(site.awards);

  it('has every year from the first to the last, a series per form, revoked apart and last', () => {
    expect(chart.categories.map((c) => c.label)).toEqual(['2021', '2022', '2023']);
    expect(chart.series.map((s) => [s.label, s.tone])).toEqual([
      ['Bằng khen', 1],
      ['Cờ thi đua', 2],
      ['Đã thu hồi', 'revoked'],
    ]);
    // 2023: a5 (Bằng khen) in force, a3 (Giấy khen) revoked; the draft a4 nowhere.
    expect(chart.counts).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it('summarises in a sentence and tabulates every number, totals leaving revoked ones out', () => {
    expect(chart.summary).toBe(
      '3 khen thưởng còn hiệu lực từ năm 2021 đến năm 2023, chia theo hình thức; nhiều nhất là năm 2023 (1 khen thưởng); hình thức nhiều nhất: Bằng khen (2 khen thưởng). 1 quyết định đã thu hồi được tính riêng (Đã thu hồi).',
    );
    const table = chartTable(chart);
    expect(table.head).toEqual(['Năm', 'Bằng khen', 'Cờ thi đua', 'Đã thu hồi', 'Tổng (còn hiệu lực)']);
    expect(table.rows.map((r) => [r.label, ...r.cells, r.total])).toEqual([
      ['2021', 1, 0, 0, 1],
      ['2022', 0, 1, 0, 1],
      ['2023', 1, 0, 1, 1],
    ]);
    expect(table.totals).toEqual([2, 1, 1]);
    expect(table.total).toBe(3);
  });

  it(`keeps at most ${MAX_SERIES} series, the least frequent forms as “Hình thức khác”`, () => {
    const forms = Object.keys(AWARD_FORMS).slice(0, MAX_SERIES + 2) as AwardForm[];
    const many = forms.flatMap((form, i) =>
      Array.from({ length: forms.length - i }, (_, j) => award(`${form}-${j}`, { form, year: 2020 })),
    );
    const c = awardsPerYearByForm(many);
    expect(c.series).toHaveLength(MAX_SERIES);
    expect(c.series.at(-1)!.label).toBe('Hình thức khác');
    expect(c.counts[0]!.reduce((a, b) => a + b, 0)).toBe(many.length);
    expect(c.counts[0]!.at(-1)).toBe(2 + 1 + 3);
  });
});

describe('awards per year by conferring level', () => {
  it('groups by the conferrer’s level, “Không rõ cấp” when the record does not say', () => {
    const chart = awardsPerYearByLevel(site.awards);
    expect(chart.series.map((s) => s.label)).toEqual([
      'Ủy ban nhân dân tỉnh, thành phố',
      'Liên đoàn Lao động tỉnh, thành phố',
      'Không rõ cấp',
      'Đã thu hồi',
    ]);
    expect(chart.counts).toEqual([
      [0, 1, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 1, 1],
    ]);
  });
});

describe('units with most awards', () => {
  it('ranks units by awards in force in the last five years, revoked ones beside them', () => {
    const chart = topUnits(site);
    expect(chart.title).toBe('Đơn vị được khen thưởng nhiều nhất, 2019–2023');
    expect(chart.orientation).toBe('horizontal');
    expect(chart.categories.map((c) => [c.label, c.href])).toEqual([
      ['Công đoàn cũ', '/don-vi/cu/'],
      ['Công đoàn khác', '/don-vi/khac/'],
      ['Công đoàn mới', '/don-vi/moi/'],
    ]);
    expect(chart.series.map((s) => s.label)).toEqual(['Còn hiệu lực', 'Đã thu hồi']);
    expect(chart.counts).toEqual([
      [1, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(chart.summary).toContain('dẫn đầu là Công đoàn cũ với 1 khen thưởng');
    expect(topUnits(site, 'x', 1).categories).toHaveLength(1);
  });
});

describe('pages', () => {
  it('the statistics page has the three charts and says how many are revoked', () => {
    const page = awardStatisticsPage(site);
    expect(page.charts.map((c) => c.id)).toEqual(['theo-hinh-thuc', 'theo-cap', 'don-vi-nhieu-nhat']);
    expect(page.intro).toBe(
      '3 khen thưởng còn hiệu lực và 1 quyết định đã thu hồi (tính riêng). Mỗi biểu đồ có bảng số liệu đi kèm.',
    );
  });

  it('a unit’s chart covers its history, predecessors included; none without awards', () => {
    expect(unitAwardChart('moi', site)?.categories.map((c) => c.label)).toEqual(['2021', '2022', '2023']);
    expect(unitAwardChart('ldld', site)).toBeUndefined();
  });
});

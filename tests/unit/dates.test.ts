import { describe, expect, it } from 'vitest';
import {
  startOfVietnamDay,
  vietnamCalendarDate,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatLongDateTime,
  isCalendarDate,
  parseDateTimeWithOffset,
  toVietnamIso,
  vietnamYear,
} from '#src/text/dates.ts';

describe('dates in Asia/Ho_Chi_Minh', () => {
  it.each([
    // An article at 06:30 in Vietnam is 23:30 UTC the previous day: it must stay on its own day.
    ['2023-02-02T06:30:00+07:00', '02/02/2023', '02/02/2023 06:30', 'Thứ năm, 02/02/2023 06:30'],
    ['2023-06-18T23:05:00+07:00', '18/06/2023', '18/06/2023 23:05', 'Chủ nhật, 18/06/2023 23:05'],
    ['2016-10-27T03:56:00Z', '27/10/2016', '27/10/2016 10:56', 'Thứ năm, 27/10/2016 10:56'],
    ['2022-12-31T17:00:00Z', '01/01/2023', '01/01/2023 00:00', 'Chủ nhật, 01/01/2023 00:00'],
  ])('%s', (iso, date, dateTime, long) => {
    const d = new Date(iso);
    expect(formatDate(d)).toBe(date);
    expect(formatDateTime(d)).toBe(dateTime);
    expect(formatLongDateTime(d)).toBe(long);
  });

  it.each([
    ['2022-12-31T17:00:00Z', 2023],
    ['2022-12-31T16:59:59Z', 2022],
  ])('vietnamYear(%s) = %i', (iso, year) => {
    expect(vietnamYear(new Date(iso))).toBe(year);
  });

  it('writes ISO with +07:00', () => {
    expect(toVietnamIso(new Date('2023-02-02T09:18:00Z'))).toBe('2023-02-02T16:18:00+07:00');
  });
});

describe('parseDateTimeWithOffset', () => {
  it.each([
    ['2023-02-02T16:18:00+07:00', '2023-02-02T09:18:00.000Z'],
    ['2023-02-02T16:18+07:00', '2023-02-02T09:18:00.000Z'],
    ['2023-02-02 16:18:00Z', '2023-02-02T16:18:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseDateTimeWithOffset(input)?.toISOString()).toBe(expected);
  });

  it.each([
    '2023-02-30T10:00:00+07:00',
    '2023-02-02T25:00:00+07:00',
    '2023-02-02T10:00:00',
    '02/02/2023 16:18',
    'hôm qua',
  ])('rejects %j', (input) => {
    expect(parseDateTimeWithOffset(input)).toBeNull();
  });
});

describe('calendar dates', () => {
  it.each([
    ['2023-07-24', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['24/07/2023', false],
  ])('isCalendarDate(%s) = %s', (input, ok) => {
    expect(isCalendarDate(input)).toBe(ok);
  });

  it('formats day-first', () => {
    expect(formatCalendarDate('2023-07-24')).toBe('24/07/2023');
  });
});

describe('calendar days in Vietnam', () => {
  it.each([
    // instant (UTC)               day in Vietnam
    ['2026-11-22T16:59:59Z', '2026-11-22'],
    ['2026-11-22T17:00:00Z', '2026-11-23'],
    ['2024-02-28T23:30:00Z', '2024-02-29'],
    ['2023-12-31T17:00:00Z', '2024-01-01'],
  ])('%s falls on %s', (instant, day) => {
    expect(vietnamCalendarDate(new Date(instant))).toBe(day);
  });

  it.each([
    ['2023-01-15', '2023-01-14T17:00:00.000Z'],
    ['2024-02-29', '2024-02-28T17:00:00.000Z'],
  ])('%s begins at %s', (day, utc) => {
    expect(startOfVietnamDay(day).toISOString()).toBe(utc);
    expect(vietnamCalendarDate(startOfVietnamDay(day))).toBe(day);
  });
});

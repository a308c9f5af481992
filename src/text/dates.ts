/**
 * Dates in Asia/Ho_Chi_Minh, whatever the build machine's TZ.
 * Vietnam is UTC+7 all year (no daylight saving), but we still go through Intl with the
 * named zone so that output never depends on process.env.TZ.
 */

export const SITE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_OFFSET = '+07:00';

interface DateParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/**
 * One formatter for the whole process: constructing an Intl.DateTimeFormat costs far more than
 * formatting with it (profiling a 1,000-article build: 10 % of rendering time went to building
 * a formatter per call). Results are memoised by instant, as list pages show the same dates again
 * and again; the cache is dropped when it grows past a large archive's worth of instants.
 */
const VIETNAM_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const partsCache = new Map<number, Readonly<DateParts>>();
const PARTS_CACHE_LIMIT = 100_000;

const parts = (date: Date): Readonly<DateParts> => {
  const time = date.getTime();
  const hit = partsCache.get(time);
  if (hit) return hit;
  const out: Record<string, string> = {};
  for (const p of VIETNAM_PARTS.formatToParts(date)) out[p.type] = p.value;
  const result = Object.freeze({
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  });
  if (partsCache.size >= PARTS_CACHE_LIMIT) partsCache.clear();
  partsCache.set(time, result);
  return result;
};

/** "18/06/2023" */
export function formatDate(date: Date): string {
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "18/06/2023 23:05" */
export function formatDateTime(date: Date): string {
  const p = parts(date);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

/** "Chủ nhật, 18/06/2023 23:05" */
export function formatLongDateTime(date: Date): string {
  const p = parts(date);
  // Weekday of the calendar day in Vietnam: build that day at UTC noon.
  const weekday = new Date(Date.UTC(+p.year, +p.month - 1, +p.day, 12)).getUTCDay();
  return `${WEEKDAYS[weekday]}, ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** ISO 8601 in Vietnam time with offset: "2023-06-18T23:05:00+07:00". */
export function toVietnamIso(date: Date): string {
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${VIETNAM_OFFSET}`;
}

/** Calendar year of an instant in Vietnam. */
export function vietnamYear(date: Date): number {
  return Number(parts(date).year);
}

/** The calendar day in Vietnam of an instant: "2026-11-23". */
export function vietnamCalendarDate(date: Date): string {
  return toVietnamIso(date).slice(0, 10);
}

/** The instant a calendar day "YYYY-MM-DD" begins in Vietnam (midnight, +07:00). */
export function startOfVietnamDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00${VIETNAM_OFFSET}`);
}

/** Calendar month (1–12) of an instant in Vietnam. */
export function vietnamMonth(date: Date): number {
  return Number(parts(date).month);
}

/** A calendar date "YYYY-MM-DD" shown day-first: "24/07/2023". */
export function formatCalendarDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Whether "YYYY-MM-DD" names a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** ISO 8601 date-time that carries an explicit offset or Z. */
export const ISO_DATE_TIME_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Parse an ISO date-time with offset strictly (real calendar day, hours < 24).
 * Returns null when malformed, so callers can give a precise message.
 */
export function parseDateTimeWithOffset(value: string): Date | null {
  const m = ISO_DATE_TIME_WITH_OFFSET.exec(value.trim());
  if (!m) return null;
  if (!isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  const date = new Date(value.trim().replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date;
}

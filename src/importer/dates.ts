/**
 * Day-first Vietnamese dates as portals print them, to ISO 8601 in Vietnam time (+07:00).
 * Pure: "today" is passed in, never read from the clock.
 */
import { foldForMatch } from '#src/text/vietnamese.ts';

export interface FoundDate {
  /** "2023-02-02T16:18:00+07:00" */
  iso: string;
  /** Calendar day "2023-02-02". */
  day: string;
  hasTime: boolean;
  hasWeekday: boolean;
  /** Share of the (folded) line the date and its labels cover, 0–1. */
  coverage: number;
}

/** Month names in words, tone-folded: "Tháng Mười Hai" (WordPress and Drupal in Vietnamese), "tháng Giêng". */
const MONTH_WORDS: Record<string, number> = {
  'muoi hai': 12,
  'muoi mot': 11,
  muoi: 10,
  mot: 1,
  gieng: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  chap: 12,
};
const MONTH_WORD = `(${Object.keys(MONTH_WORDS).join('|')})`;
const DAY_MONTH_WORD_YEAR = new RegExp(
  `\\b(\\d{1,2})\\s+thang\\s+${MONTH_WORD}\\s*(?:,|\\s)\\s*(?:nam\\s+)?(\\d{4})\\b`,
);
const MONTH_WORD_DAY_YEAR = new RegExp(`\\bthang\\s+${MONTH_WORD}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`);

const pad = (n: number | string) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number, h = 0, min = 0, s = 0): boolean {
  if (y < 1945 || y > 2100 || m < 1 || m > 12 || d < 1 || h > 23 || min > 59 || s > 59) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const WEEKDAY =
  /\b(thu (hai|ba|tu|nam|sau|bay)|chu nhat|thu [2-7]|t[2-7]|cn|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;
const TIME = /(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2}))?(?:\s*(am|pm|sa|ch))?/;
/** Words that may surround a date line without making it "text". */
const DATE_LABELS =
  /\bthang (muoi hai|muoi mot|muoi|mot|gieng|hai|ba|tu|bon|nam|sau|bay|tam|chin|chap)\b|\b(hom nay|today|ngay dang|dang ngay|dang luc|cap nhat|ngay cap nhat|cap nhat luc|luc|ngay|thang|nam|gio|posted|published|updated|on|at|gmt|utc|ict|thu (hai|ba|tu|nam|sau|bay)|chu nhat|thu|cn|t[2-7]|sang|chieu|toi|trua|am|pm|sa|ch|h)\b/g;

function buildIso(
  y: number,
  m: number,
  d: number,
  time: RegExpExecArray | null,
): { iso: string; hasTime: boolean } | null {
  let h = 0;
  let min = 0;
  let s = 0;
  let hasTime = false;
  if (time) {
    h = Number(time[1]);
    min = Number(time[2]);
    s = Number(time[3] ?? 0);
    const ampm = time[4];
    if ((ampm === 'pm' || ampm === 'ch') && h < 12) h += 12;
    if ((ampm === 'am' || ampm === 'sa') && h === 12) h = 0;
    hasTime = true;
  }
  if (!valid(y, m, d, h, min, s)) return null;
  return { iso: `${y}-${pad(m)}-${pad(d)}T${pad(h)}:${pad(min)}:${pad(s)}+07:00`, hasTime };
}

/**
 * Find a date (and time) in one line. Accepted forms, day first:
 * "02/02/2023 16:18", "Chủ nhật - 18/06/2023 23:05", "Thứ năm, 27 Tháng 10 2016 10:56",
 * "Cập nhật lúc 08:30 ngày 25/11/2022", "25-11-2022", "ngày 25 tháng 11 năm 2022", ISO "2022-11-25T08:30",
 * month names as WordPress and Drupal print them in Vietnamese: "02 Tháng Mười Hai, 2026",
 * "Tháng Mười Hai 2, 2026".
 */
export function parseVietnameseDate(line: string): FoundDate | null {
  const folded = foldForMatch(line).replace(/\(gmt\s*[+-]\s*\d+(:?\d+)?\)/g, ' ');
  let y = 0;
  let m = 0;
  let d = 0;
  let rest = folded;
  let matched: RegExpExecArray | null;
  if ((matched = /\b(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(folded))) {
    [y, m, d] = [Number(matched[1]), Number(matched[2]), Number(matched[3])];
    rest = folded.replace(matched[0], ' ');
    if (matched[4]) rest = `${matched[4]}:${matched[5]}${matched[6] ? `:${matched[6]}` : ''} ${rest}`;
  } else if ((matched = /\b(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\b/.exec(folded))) {
    [d, m, y] = [Number(matched[1]), Number(matched[3]), Number(matched[4])];
    rest = folded.replace(matched[0], ' ');
  } else if ((matched = /\b(\d{1,2})\s+thang\s+(\d{1,2})\s*(?:,|nam)?\s*(\d{4})\b/.exec(folded))) {
    [d, m, y] = [Number(matched[1]), Number(matched[2]), Number(matched[3])];
    rest = folded.replace(matched[0], ' ');
  } else if ((matched = /\bthang\s+(\d{1,2})\s+(\d{1,2}),?\s+(\d{4})\b/.exec(folded))) {
    [m, d, y] = [Number(matched[1]), Number(matched[2]), Number(matched[3])];
    rest = folded.replace(matched[0], ' ');
  } else if (
    (matched = DAY_MONTH_WORD_YEAR.exec(folded)) &&
    // "12 tháng năm 2025" is twelve months of 2025; "2 tháng Năm, 2025" and "2 tháng năm năm 2025" are May.
    !(matched[2] === 'nam' && !/nam\s*(,|nam)/.test(matched[0].slice(matched[0].indexOf('thang') + 6)))
  ) {
    [d, m, y] = [Number(matched[1]), MONTH_WORDS[matched[2]!]!, Number(matched[3])];
    rest = folded.replace(matched[0], ' ');
  } else if ((matched = MONTH_WORD_DAY_YEAR.exec(folded))) {
    [m, d, y] = [MONTH_WORDS[matched[1]!]!, Number(matched[2]), Number(matched[3])];
    rest = folded.replace(matched[0], ' ');
  } else {
    return null;
  }
  const time = TIME.exec(rest);
  const built = buildIso(y, m, d, time);
  if (!built) return null;
  const letters = (s: string) => s.replace(/[^a-z]/g, '');
  const all = letters(folded).length + (folded.match(/\d/g) ?? []).length;
  const leftover = letters(folded.replace(/\d+/g, ' ').replace(DATE_LABELS, ' '));
  const coverage = all === 0 ? 0 : 1 - leftover.length / all;
  return {
    iso: built.iso,
    day: built.iso.slice(0, 10),
    hasTime: built.hasTime,
    hasWeekday: WEEKDAY.test(folded),
    coverage,
  };
}

/** A line that is a date and little else ("Chủ nhật - 18/06/2023 23:05", "Cập nhật lúc …"). */
export function dateLine(line: string): FoundDate | null {
  if (line.length > 90) return null;
  const found = parseVietnameseDate(line);
  if (found && found.coverage >= 0.75) return found;
  // A meta line naming the poster: "Gửi bởi quantri vào T4, 02/12/2026 - 08:15", "Đăng ngày … bởi admin".
  const withoutPoster = line.replace(POSTED_BY, ' ');
  if (withoutPoster === line) return null;
  const again = parseVietnameseDate(withoutPoster);
  return again && again.coverage >= 0.75 ? again : null;
}

/** "gửi bởi quantri vào", "bởi admin", "posted by admin on": the poster is an account, not a byline. */
const POSTED_BY =
  /(?:\b(?:gửi|đăng|viết|cập nhật|posted|submitted)\s+)?(?:bởi|by)\s+[^\s,]+(?:\s+[^\s,]+)?\s*(?:vào lúc|vào|lúc|on|,|-)?/iu;

/** A portal header that prints today's date, not the article's. */
export function isTodayBanner(line: string, found: FoundDate, today: string | null): boolean {
  const folded = foldForMatch(line);
  if (/\b(hom nay|today)\b/.test(folded)) return true;
  // The run day with a weekday and no time is the portal's calendar banner.
  return today !== null && found.day === today && found.hasWeekday && !found.hasTime;
}

/** A lead that starts with the day: "Ngày 25/11/2022, …", "(ĐTCĐ) - Ngày 25/11, …" with year. */
export function leadDate(paragraph: string): FoundDate | null {
  const head = paragraph.slice(0, 80);
  const m =
    /^(?:\([^)]{1,30}\)\s*[-–—:]?\s*)?(?:[^\s,]{1,20}\s*[-–—]\s*)?(?:sáng|chiều|tối|trưa)?\s*(ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})/iu.exec(
      head.normalize('NFC'),
    );
  if (!m) return null;
  const found = parseVietnameseDate(m[1]!);
  return found ? { ...found, hasTime: false } : null;
}

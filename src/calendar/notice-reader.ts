// Reads the text of 《国务院办公厅关于YYYY年部分节假日安排的通知》 as published, into holidays
// and make-up working days. Pure: text in, days and Chinese warnings out.
//
// The notices follow one shape — a numbered section per festival 「一、元旦：…」, sentences
// giving the days off (放假 / 放假调休 / 补休) and the weekend days worked (上班) — but the
// wording varies from year to year. Anything with a date that this reader cannot place is
// reported as a warning rather than guessed.
import {
  addDays,
  makeIsoDate,
  toDayNumber,
  weekdayOf,
  weekdayName,
  type IsoDate,
} from './dates.js';
import { mergeDays, type CalendarReadResult } from './read-result.js';
import type { CalendarDay, DayKind } from './working-days.js';

export interface NoticeReadOptions {
  /** The year to assume when the title does not say it. */
  year?: number;
}

const TITLE_YEAR = /(\d{4})\s*年\s*(?:部分)?\s*节假日\s*安排/;
// 「一、元旦：」, 「六、国庆节、中秋节：」 — a Chinese numeral, 、, the festival, a colon.
const SECTION =
  /(?:^|[\s。；;])([一二三四五六七八九十]{1,3})\s*[、.]\s*([^:：，,。；;\s]{1,24}?)\s*[:：]/g;
// One date, optionally with its year and a parenthesised note such as （周四） or （农历除夕、周二）.
const DATE = String.raw`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*\(([^()]*)\))?`;
// A range's end may omit the year and the month: 「至3日」, 「至2月4日」, 「至2019年1月1日」.
const END = String.raw`(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*\(([^()]*)\))?`;
const DATE_OR_RANGE = new RegExp(`${DATE}(?:\\s*(?:至|到|—+|–|-|~)\\s*${END})?`, 'g');
const HOLIDAY_WORDS = /放假|补休|调休/;
const WORKDAY_WORDS = /上班|补班/;
const DAY_COUNT = /(?:共|放假)\s*(\d{1,2})\s*天/;
const WEEKDAY_NOTE = /(?:周|星期|礼拜)([日天一二三四五六])/;
const WEEKDAY_INDEX: Record<string, number> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};
const MAX_RANGE_DAYS = 31;

interface Found {
  dates: IsoDate[];
  text: string;
}

export function readNoticeText(input: string, options: NoticeReadOptions = {}): CalendarReadResult {
  const text = normalise(input);
  const warnings: string[] = [];
  const titleYear = TITLE_YEAR.exec(text);
  const year = titleYear ? Number(titleYear[1]) : options.year;
  if (year === undefined) {
    return {
      years: [],
      days: [],
      warnings: ['没有找到通知的年份：请确认粘贴了通知标题（如“关于2025年部分节假日安排的通知”）'],
    };
  }

  const sections = splitSections(text);
  if (sections.length === 0) {
    warnings.push('没有找到“一、元旦：”这样的分节，请确认粘贴的是节假日安排通知的正文');
  }
  const days: CalendarDay[] = [];
  for (const section of sections) {
    days.push(...readSection(section.name, section.body, year, warnings));
  }
  return { years: [year], days: mergeDays(days, warnings), warnings };
}

function normalise(input: string): string {
  // NFKC turns full-width digits, parentheses, colons and commas into their ASCII forms.
  // Text copied from a PDF or a narrow web page wraps lines anywhere, even inside a date
  // (「至23\n日」) or a word (「放\n假」): line breaks are dropped, except before a section
  // heading such as 「二、春节：」, which still starts its own line.
  return input
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]*\n[ \t\u3000]*/g, '\n')
    .replace(/\n+(?![一二三四五六七八九十]{1,3}\s*[、.]\s*[^:：，,。；;\s]{1,24}?\s*[:：])/g, '')
    .replace(/[〔［]/g, '[')
    .replace(/[〕］]/g, ']');
}

function splitSections(text: string): Array<{ name: string; body: string }> {
  const heads = [...text.matchAll(SECTION)];
  return heads.map((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = heads[i + 1]?.index ?? text.length;
    return { name: (m[2] ?? '').trim(), body: text.slice(start, end) };
  });
}

function readSection(name: string, body: string, year: number, warnings: string[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const sentence of body.split(/[。;；\n]/)) {
    if (!sentence.trim()) continue;
    let pending: Found[] = [];
    let holidaysInSentence = 0;
    for (const clause of sentence.split(/[,，]/)) {
      const found = findDates(clause, year, name, warnings);
      const kind = kindOf(clause);
      if (kind === 'both') {
        if (found.length > 0)
          warnings.push(`【${name}】“${clause.trim()}”同时写有放假和上班，无法判断，请逐日核对`);
        continue;
      }
      if (kind === null) {
        // 「1月1日（周四）至3日（周六），放假调休」: the kind may follow in the next clause.
        pending.push(...found);
        continue;
      }
      for (const f of [...pending, ...found]) {
        for (const date of f.dates) days.push({ date, kind, name: name || null });
        if (kind === 'holiday') holidaysInSentence += f.dates.length;
        if (kind === 'workday') checkWorkday(f, name, warnings);
      }
      pending = [];
    }
    for (const f of pending) {
      if (isSignatureDate(sentence)) continue;
      warnings.push(`【${name}】“${f.text.trim()}”没有写明放假还是上班，已忽略`);
    }
    const stated = DAY_COUNT.exec(sentence);
    if (stated && holidaysInSentence > 0 && Number(stated[1]) !== holidaysInSentence) {
      warnings.push(
        `【${name}】通知写“共${stated[1]}天”，但读出的放假日期是${holidaysInSentence}天，请核对`,
      );
    }
  }
  return days;
}

function kindOf(clause: string): DayKind | 'both' | null {
  const holiday = HOLIDAY_WORDS.test(clause);
  const workday = WORKDAY_WORDS.test(clause);
  if (holiday && workday) return 'both';
  if (workday) return 'workday';
  if (holiday) return 'holiday';
  return null;
}

/** The issuing date under the signature (「2025年11月4日」) stands alone and is not a day off. */
function isSignatureDate(sentence: string): boolean {
  return /^\s*(?:国务院办公厅\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/.test(sentence);
}

function findDates(clause: string, year: number, name: string, warnings: string[]): Found[] {
  const out: Found[] = [];
  for (const m of clause.matchAll(DATE_OR_RANGE)) {
    const [whole, y1, m1, d1, note1, y2, m2, d2, note2] = m;
    const startMonth = Number(m1);
    const startDay = Number(d1);
    if (d2 === undefined) {
      const date = makeIsoDate(y1 ? Number(y1) : year, startMonth, startDay);
      if (!date) {
        warnings.push(`【${name}】“${whole}”这个日期不存在，已忽略`);
        continue;
      }
      checkWeekdayNote(date, note1, name, warnings);
      out.push({ dates: [date], text: whole });
      continue;
    }
    const endMonth = m2 ? Number(m2) : startMonth;
    const endDay = Number(d2);
    const crossesYear = endMonth < startMonth || (endMonth === startMonth && endDay < startDay);
    // 「12月31日至1月1日」 in the notice for year Y starts in Y−1 (the 元旦 of Y), unless the
    // notice writes the years out.
    let startYear = y1 ? Number(y1) : year;
    if (crossesYear && !y1 && !y2) startYear = year - 1;
    const endYear = y2 ? Number(y2) : crossesYear ? startYear + 1 : startYear;
    const start = makeIsoDate(startYear, startMonth, startDay);
    const end = makeIsoDate(endYear, endMonth, endDay);
    if (!start || !end) {
      warnings.push(`【${name}】“${whole}”中有不存在的日期，已忽略`);
      continue;
    }
    const length = toDayNumber(end) - toDayNumber(start) + 1;
    if (length < 1 || length > MAX_RANGE_DAYS) {
      warnings.push(`【${name}】“${whole}”的起止日期不合理（${length}天），已忽略`);
      continue;
    }
    checkWeekdayNote(start, note1, name, warnings);
    checkWeekdayNote(end, note2, name, warnings);
    out.push({ dates: Array.from({ length }, (_, i) => addDays(start, i)), text: whole });
  }
  return out;
}

function checkWeekdayNote(
  date: IsoDate,
  note: string | undefined,
  name: string,
  warnings: string[],
): void {
  const m = note ? WEEKDAY_NOTE.exec(note) : null;
  if (!m) return;
  const expected = WEEKDAY_INDEX[m[1] ?? ''];
  if (expected !== undefined && expected !== weekdayOf(date)) {
    warnings.push(`【${name}】${date} 标注为“${m[0]}”，但这一天是${weekdayName(date)}，请核对日期`);
  }
}

function checkWorkday(found: Found, name: string, warnings: string[]): void {
  for (const date of found.dates) {
    const d = weekdayOf(date);
    if (d !== 0 && d !== 6) {
      warnings.push(
        `【${name}】${date}（${weekdayName(date)}）本来就是工作日，通知却写“上班”，请核对`,
      );
    }
  }
}

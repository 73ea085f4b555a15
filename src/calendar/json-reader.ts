// Reads a calendar given as JSON: Gongkai's own format (what `official-days-2004-2026.json`
// uses: { years, days: [{date, kind, name}] }, or just the array of days) and the format of
// the chinese-days package ({ holidays: {date: "英文名,中文名,n"}, workdays: {…} }).
import { checkIsoDate, yearOf } from './dates.js';
import { mergeDays, type CalendarReadResult } from './read-result.js';
import type { CalendarDay } from './working-days.js';

const KIND_WORDS: Record<string, CalendarDay['kind']> = {
  holiday: 'holiday',
  workday: 'workday',
  放假: 'holiday',
  休: 'holiday',
  上班: 'workday',
  班: 'workday',
};

export function readCalendarJson(text: string): CalendarReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('文件不是有效的 JSON，请检查括号、引号和逗号');
  }
  if (Array.isArray(value)) return readOwn({ days: value });
  if (isObject(value) && Array.isArray(value.days)) return readOwn(value);
  if (isObject(value) && (isObject(value.holidays) || isObject(value.workdays)))
    return readChineseDays(value);
  return fail(
    '无法识别的 JSON 日历：应包含 days 数组（本系统格式），或 holidays / workdays 对象（chinese-days 格式）',
  );
}

function readOwn(value: Record<string, unknown>): CalendarReadResult {
  const warnings: string[] = [];
  const days: CalendarDay[] = [];
  (value.days as unknown[]).forEach((item, i) => {
    const where = `第${i + 1}项`;
    if (!isObject(item) || typeof item.date !== 'string') {
      warnings.push(`${where}缺少 date（日期），已忽略`);
      return;
    }
    const check = checkIsoDate(item.date, `${where}的日期`);
    if (!check.ok) {
      warnings.push(`${check.error}，已忽略`);
      return;
    }
    const kind = typeof item.kind === 'string' ? KIND_WORDS[item.kind] : undefined;
    if (!kind) {
      warnings.push(
        `${where}（${item.date}）的 kind 应为 holiday（放假）或 workday（上班），已忽略`,
      );
      return;
    }
    days.push({
      date: check.date,
      kind,
      name: typeof item.name === 'string' && item.name.trim() ? item.name.trim() : null,
    });
  });
  let years = distinctYears(days);
  if (value.years !== undefined) {
    const listed = Array.isArray(value.years) ? value.years : [];
    const valid = listed.filter(
      (y): y is number => Number.isInteger(y) && (y as number) >= 1900 && (y as number) <= 2200,
    );
    if (valid.length !== listed.length || listed.length === 0)
      warnings.push('years 应为年份数组，如 [2025]；已按日期推断年份');
    else years = [...new Set(valid)].sort((a, b) => a - b);
  }
  return { years, days: mergeDays(days, warnings), warnings };
}

function readChineseDays(value: Record<string, unknown>): CalendarReadResult {
  const warnings: string[] = [];
  const days: CalendarDay[] = [];
  for (const [field, kind] of [
    ['holidays', 'holiday'],
    ['workdays', 'workday'],
  ] as const) {
    const map = value[field];
    if (map === undefined) continue;
    if (!isObject(map)) {
      warnings.push(`${field} 应为“日期: 说明”的对象，已忽略`);
      continue;
    }
    for (const [date, label] of Object.entries(map)) {
      const check = checkIsoDate(date, `${field} 中的日期`);
      if (!check.ok) {
        warnings.push(`${check.error}，已忽略`);
        continue;
      }
      // "Spring Festival,春节,4": the Chinese name is the second field.
      const name = typeof label === 'string' ? (label.split(',')[1] ?? label).trim() : '';
      days.push({ date: check.date, kind, name: name || null });
    }
  }
  return { years: distinctYears(days), days: mergeDays(days, warnings), warnings };
}

function distinctYears(days: CalendarDay[]): number[] {
  return [...new Set(days.map((d) => yearOf(d.date)))].sort((a, b) => a - b);
}

function fail(message: string): CalendarReadResult {
  return { years: [], days: [], warnings: [message] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

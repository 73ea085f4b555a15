// Calendar use cases: read the calendar, compute a due date, save an imported year, correct
// one day. Each change is a command (runCommand): one transaction with its audit event and
// the calendar.changed job that recomputes what depends on the calendar. The calendar is
// national: its events belong to no agency and go to the system chain, which the platform
// administrator reads.
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import {
  deleteDay,
  deleteDaysOfYears,
  findCalendarDay,
  listCalendarDays,
  listLoadedYears,
  listManualDays,
  markYearsLoaded,
  upsertDays,
  type LoadedYear,
} from './calendar-repository.js';
import { scheduleCalendarChanged } from './calendar-changed.js';
import { diffCalendarDays, type CalendarDiff } from './calendar-diff.js';
import { missingNextYear } from './next-year.js';
import { textProblem } from '../validation/text-input.js';
import { checkIsoDate, yearOf } from './dates.js';
import {
  addWorkingDays,
  CalendarInputError,
  createCalendar,
  DEFAULT_COUNTING_RULE,
  MAX_WORKING_DAYS,
  type CalendarDay,
  type CountingRule,
  type DateAnswer,
  type DayKind,
  type WorkingCalendar,
} from './working-days.js';

export type CalendarDeps = ServiceDeps;
export type { Actor };

export const CALENDAR_SUBJECT = 'calendar';
export const CALENDAR_DAY_SUBJECT = 'calendar_day';

/** The days of `input` an import would touch that an administrator had set by hand. */
export async function manualDaysOverwritten(
  deps: Pick<CalendarDeps, 'db'>,
  input: { years: number[]; days: CalendarDay[] },
): Promise<CalendarDay[]> {
  const found = new Map<string, CalendarDay>();
  for (const y of new Set(input.years)) {
    for (const d of await listManualDays(deps.db.kysely, { from: `${y}-01-01`, to: `${y}-12-31` }))
      found.set(d.date, d);
  }
  for (const d of input.days) {
    if (input.years.includes(yearOf(d.date))) continue;
    for (const m of await listManualDays(deps.db.kysely, { from: d.date, to: d.date }))
      found.set(m.date, m);
  }
  return [...found.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Next year, when its holiday notice is due (from November) but not loaded; else null. */
export async function nextYearDue(deps: CalendarDeps): Promise<number | null> {
  const years = await listLoadedYears(deps.db.kysely);
  return missingNextYear(
    deps.clock.now(),
    years.map((y) => y.year),
  );
}

/** The dates in `year` set by hand, for the calendar page. */
export async function manualDatesOfYear(
  deps: Pick<CalendarDeps, 'db'>,
  year: number,
): Promise<Set<string>> {
  const days = await listManualDays(deps.db.kysely, { from: `${year}-01-01`, to: `${year}-12-31` });
  return new Set(days.map((d) => d.date));
}

export async function loadWorkingCalendar(
  deps: Pick<CalendarDeps, 'db'>,
): Promise<WorkingCalendar> {
  const [days, years] = await Promise.all([
    listCalendarDays(deps.db.kysely),
    listLoadedYears(deps.db.kysely),
  ]);
  return createCalendar({ days, loadedYears: years.map((y) => y.year) });
}

export async function loadedYears(deps: Pick<CalendarDeps, 'db'>): Promise<LoadedYear[]> {
  return listLoadedYears(deps.db.kysely);
}

export async function daysOfYear(
  deps: Pick<CalendarDeps, 'db'>,
  year: number,
): Promise<CalendarDay[]> {
  return listCalendarDays(deps.db.kysely, { from: `${year}-01-01`, to: `${year}-12-31` });
}

/** Parses the text inputs of a due-date question; throws CalendarInputError in Chinese. */
export function parseDueQuestion(
  from: string | undefined,
  workingDays: string | undefined,
): { from: string; workingDays: number } {
  if (!from)
    throw new CalendarInputError('请填写起算日期（from），格式为“年-月-日”，例如 2024-09-27');
  const date = checkIsoDate(from, '起算日期');
  if (!date.ok) throw new CalendarInputError(date.error);
  if (!workingDays) throw new CalendarInputError('请填写工作日数（workingDays），例如 20');
  if (!/^\d{1,5}$/.test(workingDays.trim()) || Number(workingDays) > MAX_WORKING_DAYS) {
    throw new CalendarInputError(
      `工作日数「${workingDays}」无效：应为 0 到 ${MAX_WORKING_DAYS} 之间的整数`,
    );
  }
  return { from: date.date, workingDays: Number(workingDays) };
}

export async function computeDueDate(
  deps: Pick<CalendarDeps, 'db'>,
  from: string,
  workingDays: number,
  rule: CountingRule = DEFAULT_COUNTING_RULE,
): Promise<DateAnswer> {
  return addWorkingDays(await loadWorkingCalendar(deps), from, workingDays, rule);
}

/** What saving `input` would change in the stored calendar (for the preview). */
export async function previewCalendarChanges(
  deps: Pick<CalendarDeps, 'db'>,
  input: { years: number[]; days: CalendarDay[] },
): Promise<CalendarDiff> {
  const existing: CalendarDay[] = [];
  for (const y of new Set(input.years)) existing.push(...(await daysOfYear(deps, y)));
  for (const d of input.days) {
    if (input.years.includes(yearOf(d.date))) continue;
    const stored = await findCalendarDay(deps.db.kysely, d.date);
    if (stored) existing.push(stored);
  }
  return diffCalendarDays(existing, input.days);
}

/** The longest name of a holiday that is kept. */
export const DAY_NAME_MAX = 60;

/**
 * What is wrong, in Chinese, with the names of imported days (they come from the pasted
 * notice or the uploaded file, and are stored and shown as they are), or null.
 */
export function importedNamesProblem(days: readonly CalendarDay[]): string | null {
  for (const d of days) {
    const problem = d.name
      ? textProblem(d.name, `${d.date} 的节日名称`, 'single', '请修改通知或文件后重新导入')
      : null;
    if (problem) return problem;
  }
  return null;
}

export interface SaveCalendarInput {
  /** Years the source describes completely: their days are replaced and they become loaded. */
  years: number[];
  days: CalendarDay[];
  /** Where the data came from, shown beside each loaded year (e.g. the notice's title or file name). */
  source: string;
}

/** Why the days cannot be saved as `years` (in Chinese), or null. */
function saveProblem(years: number[], days: readonly CalendarDay[], source: string): string | null {
  if (years.length === 0) return '没有可以保存的年份：请确认读到了通知标题中的年份';
  for (const y of years)
    if (!Number.isInteger(y) || y < 1900 || y > 2200)
      return `年份「${y}」超出支持范围（1900–2200年）`;
  for (const d of days) {
    const check = checkIsoDate(d.date);
    if (!check.ok) return check.error;
    if (d.kind !== 'holiday' && d.kind !== 'workday') return `${d.date} 的类型无效`;
  }
  for (const y of years)
    if (!days.some((d) => yearOf(d.date) === y))
      return `没有读到${y}年的任何放假或上班日期，未保存；请检查粘贴的内容`;
  return (
    importedNamesProblem(days) ??
    textProblem(source, '来源（通知标题或文件名）', 'single', '请重命名文件后重新导入')
  );
}

/**
 * Replaces the days of `years` with `days` (days outside those years, such as 12月30日 of
 * the year before in a 元旦 range, are added or overwritten one by one) and marks the
 * years loaded.
 */
export async function saveCalendar(
  deps: CalendarDeps,
  actor: Actor,
  input: SaveCalendarInput,
): Promise<Result<null>> {
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  const source = input.source.trim().slice(0, 200) || '管理员导入';
  const problem = saveProblem(years, input.days, source);
  if (problem) return fail({ _form: problem });
  return runCommand(deps, actor, async (ctx) => {
    const { trx } = ctx;
    const now = ctx.now.toISOString();
    const outside = input.days.filter((d) => !years.includes(yearOf(d.date)));
    const before: CalendarDay[] = [];
    for (const y of years)
      before.push(...(await listCalendarDays(trx, { from: `${y}-01-01`, to: `${y}-12-31` })));
    for (const d of outside) {
      const existing = await findCalendarDay(trx, d.date);
      if (existing) before.push(existing);
    }
    await deleteDaysOfYears(trx, years);
    await upsertDays(trx, input.days, now);
    await markYearsLoaded(trx, years, source, now);
    const touched = [
      `${years[0]}-01-01`,
      `${years[years.length - 1]}-12-31`,
      ...outside.map((d) => d.date),
    ].sort();
    await scheduleCalendarChanged(
      trx,
      { from: touched[0]!, to: touched[touched.length - 1]! },
      deps.clock,
    );
    ctx.record({
      agencyId: null,
      subjectType: CALENDAR_SUBJECT,
      subjectId: years.join(','),
      action: 'calendar.import',
      before: { days: before },
      after: { source, years, days: input.days },
    });
    return ok(null);
  });
}

export type DayCorrection = DayKind | 'normal';

/** Sets one day to a holiday, a make-up working day, or back to the weekly rule ('normal'). */
export async function correctDay(
  deps: CalendarDeps,
  actor: Actor,
  input: { date: string; kind: DayCorrection; name: string | null },
): Promise<Result<null>> {
  const check = checkIsoDate(input.date);
  if (!check.ok) return fail({ date: check.error });
  if (input.kind !== 'holiday' && input.kind !== 'workday' && input.kind !== 'normal') {
    return fail({ kind: '请选择这一天的类型：放假、调休上班或按平常（周一至周五上班）' });
  }
  const name = input.name?.trim().slice(0, DAY_NAME_MAX) || null;
  const nameProblem = name ? textProblem(name, '节日名称') : null;
  if (nameProblem) return fail({ name: nameProblem });
  return runCommand(deps, actor, async (ctx) => {
    const { trx } = ctx;
    const before = await findCalendarDay(trx, check.date);
    const after: CalendarDay | null =
      input.kind === 'normal' ? null : { date: check.date, kind: input.kind, name };
    if (after) await upsertDays(trx, [after], ctx.now.toISOString(), true);
    else await deleteDay(trx, check.date);
    await scheduleCalendarChanged(trx, { from: check.date, to: check.date }, deps.clock);
    ctx.record({
      agencyId: null,
      subjectType: CALENDAR_DAY_SUBJECT,
      subjectId: check.date,
      action: 'calendar.day.correct',
      before,
      after,
    });
    return ok(null);
  });
}

// `gongkai request clock EVENTS.json`: the statutory clock of one request from the command
// line, for staff and for checking. It prints the day-by-day explanation and ends with one
// machine-readable line: `due YYYY-MM-DD`, followed by ` provisional` when a day it looked
// at lies in a year whose holiday notice is not loaded, or `due none` while the applicant
// has yet to send the correction (the period then has not started again).
//
// The calendar is the database's, as for `gongkai calendar due`. Where no database exists
// yet (no DATABASE_URL, and the built-in SQLite file not created), it is the calendar every
// new database is created with (src/calendar/seed.ts), so nothing is written just to ask.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { loadWorkingCalendar } from '../calendar/calendar-service.js';
import { officialSeed } from '../calendar/seed.js';
import {
  CalendarInputError,
  createCalendar,
  type WorkingCalendar,
} from '../calendar/working-days.js';
import { DEFAULT_SQLITE_URL } from '../config.js';
import {
  ClockEventsError,
  computeClock,
  formatDayLine,
  parseClockEvents,
  type ClockResult,
} from '../requests/clock.js';
import { CliError } from './errors.js';
import { cliConfig, withDatabase } from './with-database.js';

/** Far more than any case's events; a larger file is not an events file. */
const MAX_EVENTS_BYTES = 1024 * 1024;

export function registerRequest(program: Command): void {
  const request = program.command('request').description('依申请公开');
  request
    .command('clock')
    .description(
      '按工作日历计算答复期限并逐日说明（收到申请之日不计，补正后重新起算，征求意见期间不计，延期20个工作日）；最后一行为 due YYYY-MM-DD，超出已载入年份时加 provisional',
    )
    .argument(
      '<事件文件>',
      'JSON 数组，每项为 {"type": "received" | "correction_requested" | "corrected" | "consultation_sent" | "consultation_answered" | "extended" | "fee_notice_sent" | "fee_paid", "date": "YYYY-MM-DD"}',
    )
    .action(async (file: string) => {
      const events = readEvents(file);
      await withCalendar((calendar) => {
        const clock = clockOrFail(() => computeClock(calendar, events));
        process.stdout.write(clockText(clock));
      });
    });
}

/** The explanation, the remarks, and the `due` line last. */
export function clockText(clock: ClockResult): string {
  const lines = clock.explanation.map(formatDayLine);
  lines.push(...clock.notes);
  if (clock.due) lines.push(`due ${clock.due.date}${clock.due.provisional ? ' provisional' : ''}`);
  else lines.push('due none');
  return `${lines.join('\n')}\n`;
}

function readEvents(file: string) {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`找不到文件：${file}`);
  }
  if (size > MAX_EVENTS_BYTES) {
    throw new CliError(`文件 ${file} 太大（超过 1 MB），请确认选择的是案件的期限事件文件。`);
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch {
    throw new CliError(
      `${file} 不是有效的 JSON：请检查括号、引号和逗号，例如 [{"type": "received", "date": "2024-09-27"}]`,
    );
  }
  return clockOrFail(() => parseClockEvents(value));
}

function clockOrFail<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ClockEventsError || e instanceof CalendarInputError) {
      throw new CliError(`事件文件有误：${e.message}`);
    }
    throw e;
  }
}

async function withCalendar(fn: (calendar: WorkingCalendar) => void): Promise<void> {
  const config = cliConfig();
  const builtIn = config.databaseUrl === DEFAULT_SQLITE_URL;
  if (builtIn && !existsSync(DEFAULT_SQLITE_URL.slice('sqlite:'.length))) {
    const seed = officialSeed();
    fn(createCalendar({ days: seed.days, loadedYears: seed.years }));
    return;
  }
  await withDatabase(async (db) => fn(await loadWorkingCalendar({ db })));
}

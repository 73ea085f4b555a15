// `gongkai calendar due` and `gongkai calendar import`: the working-day calendar from the
// command line. Output on stdout is a machine interface (dates and fixed English words);
// messages for people go to stderr, in Chinese.
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { readCalendarSource } from '../calendar/calendar-file.js';
import { computeDueDate, parseDueQuestion, saveCalendar } from '../calendar/calendar-service.js';
import { decodeCalendarBytes, MAX_CALENDAR_BYTES } from '../calendar/decode-text.js';
import { CalendarInputError } from '../calendar/working-days.js';
import { systemClock } from '../db/time.js';
import { CliError } from './errors.js';
import { withDatabase } from './with-database.js';

const CLI_ACTOR = { id: null, label: '命令行（gongkai calendar import）' };

export function registerCalendar(program: Command): void {
  const calendar = program.command('calendar').description('工作日历：计算期限、导入节假日安排');

  calendar
    .command('due')
    .description(
      '计算期限届满日（起算当日不计，次日起算第1个工作日）；超出已载入年份时在日期后加 provisional',
    )
    .requiredOption('--from <日期>', '起算日期，格式 YYYY-MM-DD，例如 2024-09-27')
    .requiredOption('--working-days <天数>', '工作日数，例如 20')
    .action(async (opts: { from: string; workingDays: string }) => {
      const question = inputOrFail(() => parseDueQuestion(opts.from, opts.workingDays));
      await withDatabase(async (db) => {
        const due = await computeDueDate({ db }, question.from, question.workingDays);
        console.log(due.provisional ? `${due.date} provisional` : due.date);
      });
    });

  calendar
    .command('import')
    .description(
      '读取节假日安排通知全文（或 JSON、ICS 日历），每天输出一行“日期 holiday|workday”并保存',
    )
    .argument('<文件>', '通知文本（.txt）、JSON 或 ICS 文件')
    .option('--dry-run', '只读取并输出，不保存')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const text = readInput(file);
      const result = readCalendarSource(text, file);
      for (const w of result.warnings) console.error(`注意：${w}`);
      if (result.days.length === 0)
        throw new CliError(`没有从 ${file} 读到任何放假或上班日期，未保存。`, 1);
      for (const day of result.days) console.log(`${day.date} ${day.kind}`);
      if (opts.dryRun) {
        console.error(
          `试运行：读到 ${result.days.length} 天（${result.years.join('、')}年），未保存。`,
        );
        return;
      }
      await withDatabase(async (db) => {
        const saved = await saveCalendar({ db, clock: systemClock }, CLI_ACTOR, {
          years: result.years,
          days: result.days,
          source: sourceLabel(file, text),
        });
        if (!saved.ok) throw new CliError(Object.values(saved.errors).join('；'));
        console.error(
          `已保存 ${result.years.join('、')} 年的节假日安排（共 ${result.days.length} 天）。`,
        );
      });
    });
}

function readInput(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`找不到文件：${file}`);
  }
  if (size > MAX_CALENDAR_BYTES) {
    throw new CliError(
      `文件 ${file} 太大（超过 ${MAX_CALENDAR_BYTES / 1024 / 1024} MB），请确认选择的是节假日安排通知或日历文件。`,
    );
  }
  try {
    return decodeCalendarBytes(readFileSync(file));
  } catch {
    throw new CliError(`无法读取文件：${file}`);
  }
}

/** The notice's title when there is one, otherwise the file name. */
function sourceLabel(file: string, text: string): string {
  const title = /国务院办公厅关于\s*\d{4}\s*年部分节假日安排的通知/.exec(text.normalize('NFKC'));
  return title ? title[0] : `文件 ${file.split(/[\\/]/).pop() ?? file}`;
}

function inputOrFail<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CalendarInputError) throw new CliError(e.message);
    throw e;
  }
}

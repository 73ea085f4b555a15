// The administrators' calendar pages: loaded years, import (paste or upload, then a preview
// to confirm), and correcting one day. Plain forms that post and redirect: no JavaScript.
import type { FieldErrors } from '../web/forms.js';
import {
  ChoiceGroup,
  ErrorSummary,
  FileField,
  PostForm,
  SubmitButton,
  TextArea,
  TextField,
} from '../web/forms.js';
import { ConsolePage } from '../web/layout.js';
import { DataTable } from '../web/data-table.js';
import type { CalendarDiff } from './calendar-diff.js';
import type { CalendarFormat } from './calendar-file.js';
import type { LoadedYear } from './calendar-repository.js';
import { weekdayName } from './dates.js';
import { MAX_CALENDAR_BYTES } from './decode-text.js';
import { nextYearReminder } from './next-year.js';
import type { CalendarDay } from './working-days.js';

export const CALENDAR_PATH = '/console/calendar';
export const PREVIEW_PATH = '/console/calendar/preview';
export const SAVE_PATH = '/console/calendar/save';
export const DAY_PATH = '/console/calendar/day';

const KIND_LABELS: Record<CalendarDay['kind'], string> = { holiday: '放假', workday: '调休上班' };
const FORMAT_LABELS: Record<CalendarFormat, string> = {
  notice: '节假日安排通知文本',
  json: 'JSON 日历',
  ics: 'ICS 日历',
};
export const MAX_UPLOAD_LABEL = `${MAX_CALENDAR_BYTES / 1024 / 1024} MB`;

export const DAY_KIND_OPTIONS = [
  { value: 'holiday', label: '放假（法定节假日或调休放假）' },
  { value: 'workday', label: '调休上班（周末上班）' },
  { value: 'normal', label: '按平常（周一至周五上班，周末休息）' },
] as const;

export interface ImportForm {
  text: string;
  errors: FieldErrors;
}

export interface DayForm {
  date: string;
  kind: string;
  name: string;
  errors: FieldErrors;
}

/** Field labels of both forms on the page, for the one error summary at its top. */
const FORM_LABELS = {
  text: '通知全文',
  file: '上传文件',
  date: '日期',
  kind: '这一天的安排',
  name: '节日名称',
};

export interface CalendarHomeProps {
  years: LoadedYear[];
  shownYear: number;
  shownDays: CalendarDay[];
  /** Dates of the shown year set by hand (shown 「人工更正」). */
  manualDates?: ReadonlySet<string>;
  /** Only the platform administrator may change the national calendar; others read it. */
  canChange: boolean;
  /** Who may change it, e.g. 「青岛市黄岛区人民政府的系统管理员」. */
  changedBy: string;
  /** Next year's notice is due but not loaded (from November). */
  missingYear?: number | null;
  message?: string | null;
  importForm?: ImportForm;
  dayForm?: DayForm;
}

function dateCell(date: string) {
  return (
    <>
      <time datetime={date}>{date}</time>（{weekdayName(date)}）
    </>
  );
}

function DaysTable({
  days,
  caption,
  manualDates,
}: {
  days: CalendarDay[];
  caption: string;
  manualDates?: ReadonlySet<string> | undefined;
}) {
  return (
    <DataTable<CalendarDay>
      caption={caption}
      rows={days}
      empty="这一年没有放假或调休上班的日期。"
      columns={[
        { label: '日期', cell: (d) => dateCell(d.date) },
        { label: '安排', cell: (d) => KIND_LABELS[d.kind] },
        {
          label: '节日',
          cell: (d) => (
            <>
              {d.name ?? ''}
              {manualDates?.has(d.date) ? <span class="tag">人工更正</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}

export function CalendarHome(p: CalendarHomeProps) {
  const importForm = p.importForm ?? { text: '', errors: {} };
  const dayForm = p.dayForm ?? { date: '', kind: '', name: '', errors: {} };
  const loaded = p.years.map((y) => y.year);
  const lastLoaded = loaded.length > 0 ? Math.max(...loaded) : null;
  const yearChoices = [...new Set([...loaded, p.shownYear])].sort((a, b) => b - a);
  return (
    <ConsolePage
      title="工作日历"
      errorSummary={
        <ErrorSummary errors={{ ...importForm.errors, ...dayForm.errors }} labels={FORM_LABELS} />
      }
    >
      {p.message ? (
        <div class="notice ok" role="status">
          <p>{p.message}</p>
        </div>
      ) : null}
      {p.missingYear ? <NextYearNotice year={p.missingYear} /> : null}
      {p.canChange ? null : (
        <div class="notice">
          <p>
            工作日历全国统一，只能由{p.changedBy}
            导入节假日安排或更正单日；您可以查看，不能修改。
          </p>
        </div>
      )}
      <p class="lead">
        依申请公开的答复、补正、延期等期限按工作日计算（起算当日不计，次日为第1个工作日），以国务院办公厅每年发布的节假日安排为准。
        {lastLoaded !== null
          ? `已载入到${lastLoaded}年；期限落在未载入年份的，计算结果标注为“暂定”，载入该年通知后自动确定。`
          : '尚未载入任何年份，所有期限都只能暂定。'}
      </p>

      <section aria-labelledby="years-title">
        <h2 id="years-title">已载入的年份</h2>
        {p.years.length === 0 ? (
          <p>尚未载入任何年份。</p>
        ) : (
          <DataTable<LoadedYear>
            caption="已载入的年份（最近的在前）"
            rows={[...p.years].reverse()}
            columns={[
              {
                label: '年份',
                cell: (y) => <a href={`${CALENDAR_PATH}?year=${y.year}#days-title`}>{y.year}年</a>,
              },
              { label: '来源', cell: (y) => y.source },
              { label: '载入时间（UTC）', cell: (y) => y.loadedAt.slice(0, 16).replace('T', ' ') },
            ]}
          />
        )}
      </section>

      {p.canChange ? (
        <section aria-labelledby="import-title">
          <h2 id="import-title">导入节假日安排</h2>
          <p>
            每年11月前后，国务院办公厅发布《关于下一年部分节假日安排的通知》。请将通知全文粘贴到下面，或上传通知文本、JSON
            或 ICS 日历文件。下一步会列出读到的放假和调休上班日期，核对无误后再保存。
          </p>
          <PostForm action={PREVIEW_PATH} multipart label="导入节假日安排">
            <TextArea
              name="text"
              label="通知全文"
              hint="从标题“国务院办公厅关于××××年部分节假日安排的通知”起，连同“一、元旦：……”等各条一起粘贴。"
              value={importForm.text}
              error={importForm.errors.text}
              rows={12}
            />
            <FileField
              name="file"
              label="或上传文件"
              hint={`支持 .txt（通知全文）、.json、.ics，不超过 ${MAX_UPLOAD_LABEL}。出错后需重新选择文件。`}
              accept=".txt,.text,.json,.ics"
              error={importForm.errors.file}
            />
            <SubmitButton>读取并预览</SubmitButton>
          </PostForm>
        </section>
      ) : null}

      <section aria-labelledby="days-title">
        <h2 id="days-title">{p.shownYear}年的节假日和调休上班日</h2>
        <form method="get" action={CALENDAR_PATH} class="form">
          <div class="field">
            <label for="year-select">查看年份</label>
            <select id="year-select" name="year">
              {yearChoices.map((y) => (
                <option value={String(y)} selected={y === p.shownYear}>
                  {y}年{loaded.includes(y) ? '' : '（未载入）'}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton secondary>查看</SubmitButton>
        </form>
        {p.shownDays.length === 0 ? (
          <p>
            {loaded.includes(p.shownYear) ? '这一年没有节假日记录。' : `${p.shownYear}年尚未载入。`}
          </p>
        ) : (
          <DaysTable
            days={p.shownDays}
            caption={`${p.shownYear}年（共${p.shownDays.length}天）`}
            manualDates={p.manualDates}
          />
        )}
      </section>

      {p.canChange ? (
        <section aria-labelledby="correct-title">
          <h2 id="correct-title">更正单日</h2>
          <p>
            发现某一天有误（例如通知后来调整了安排），可在这里单独更正。每次更正都记入审计日志。
          </p>
          <PostForm action={DAY_PATH} label="更正单日">
            <TextField
              name="date"
              label="日期"
              hint="格式：年-月-日，例如 2026-10-10"
              value={dayForm.date}
              error={dayForm.errors.date}
              inputmode="numeric"
              maxlength={10}
              required
            />
            <ChoiceGroup
              name="kind"
              label="这一天的安排"
              options={DAY_KIND_OPTIONS}
              value={dayForm.kind}
              error={dayForm.errors.kind}
              required
            />
            <TextField
              name="name"
              label="节日名称"
              hint="例如 国庆节；按平常时不用填写"
              value={dayForm.name}
              error={dayForm.errors.name}
              maxlength={60}
            />
            <SubmitButton>保存更正</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </ConsolePage>
  );
}

/** The reminder on the console home and the calendar page, for the platform administrator. */
export function NextYearNotice({ year }: { year: number }) {
  return (
    <div class="notice warn">
      <p>
        {nextYearReminder(year)}（<a href={CALENDAR_PATH}>工作日历</a>）。
      </p>
    </div>
  );
}

export interface PreviewProps {
  format: CalendarFormat;
  fileName: string | null;
  years: number[];
  days: CalendarDay[];
  warnings: string[];
  loadedYears: LoadedYear[];
  /** What saving would change in the stored calendar. */
  diff: CalendarDiff;
  /** Days set by hand that saving would overwrite. */
  manualOverwritten: CalendarDay[];
  /** The text read, base64 (UTF-8): posted back and read again on save. */
  payload: string;
  error?: string | null;
}

const kindAndName = (d: CalendarDay) => `${KIND_LABELS[d.kind]}${d.name ? `（${d.name}）` : ''}`;

function ChangeSummary({ diff }: { diff: CalendarDiff }) {
  const { added, removed, changed } = diff;
  if (added.length + removed.length + changed.length === 0) {
    return <p>与现有记录完全相同，保存不会改变任何日期。</p>;
  }
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">与现有记录相比</h2>
      <p>
        新增{added.length}天，改变{changed.length}天，删除{removed.length}天。
      </p>
      {changed.length + removed.length > 0 ? (
        <ul>
          {changed.map((c) => (
            <li>
              {dateCell(c.after.date)}：由“{kindAndName(c.before)}”改为“{kindAndName(c.after)}”
            </li>
          ))}
          {removed.map((d) => (
            <li>
              {dateCell(d.date)}：删除“{kindAndName(d)}”，改按平常（周一至周五上班，周末休息）
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function CalendarPreview(p: PreviewProps) {
  const holidays = p.days.filter((d) => d.kind === 'holiday').length;
  const workdays = p.days.length - holidays;
  const replaced = p.loadedYears.filter((y) => p.years.includes(y.year));
  const outside = p.days.filter((d) => !p.years.includes(Number(d.date.slice(0, 4))));
  return (
    <ConsolePage title="核对节假日安排">
      {p.error ? (
        <div class="notice" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      <p class="lead">
        从{p.fileName ? `文件“${p.fileName}”` : '粘贴的内容'}（{FORMAT_LABELS[p.format]}）读到
        {p.years.join('、')}年：放假{holidays}天，调休上班{workdays}
        天。请逐日核对，无误后点击“确认保存”。
      </p>
      {replaced.length > 0 ? (
        <div class="notice warn">
          <p>
            {replaced.map((y) => `${y.year}年`).join('、')}已经载入（来源：
            {replaced.map((y) => y.source).join('；')}
            ）。保存后将用下表替换这些年份的全部记录。
          </p>
        </div>
      ) : null}
      {outside.length > 0 ? (
        <p>
          其中 {outside.map((d) => d.date).join('、')} 不在{p.years.join('、')}
          年内（如跨年的元旦假期），将单独写入或更正，不影响该年其他日期。
        </p>
      ) : null}
      <ChangeSummary diff={p.diff} />
      {p.manualOverwritten.length > 0 ? (
        <section aria-labelledby="manual-title" class="notice warn">
          <h2 id="manual-title">将覆盖的人工更正（{p.manualOverwritten.length}天）</h2>
          <p>以下日期曾在“更正单日”中人工更正，保存后将以本次导入的内容为准：</p>
          <ul>
            {p.manualOverwritten.map((d) => (
              <li>
                {dateCell(d.date)}：现为“{kindAndName(d)}”
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.warnings.length > 0 ? (
        <section aria-labelledby="warnings-title" class="notice warn">
          <h2 id="warnings-title">需要核对的地方（{p.warnings.length}处）</h2>
          <ul>
            {p.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <DaysTable days={p.days} caption="读到的放假和调休上班日期" />
      <PostForm action={SAVE_PATH} label="确认保存">
        <input type="hidden" name="payload" value={p.payload} />
        <input type="hidden" name="fileName" value={p.fileName ?? ''} />
        <SubmitButton>确认保存</SubmitButton>
      </PostForm>
      <p>
        <a href={CALENDAR_PATH}>有误，返回重新导入</a>
      </p>
    </ConsolePage>
  );
}

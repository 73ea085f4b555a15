// The editor's import form: a report file written elsewhere (the agency's own, or last
// year's) fills the typed tables, and the text if the office ticks it; below it, what the
// reader was unsure of in the file last imported, for the office to confirm.
import { FORMATS, type TableKey } from '../../reports/format/index.js';
import { columnLabel, rowLabel } from '../../reports/checks/labels.js';
import { ChoiceGroup, FileField, PostForm, SubmitButton } from '../../web/forms.js';
import type { StoredReport } from '../annual-report.js';
import { IMPORT_FIELD, WITH_TEXT_FIELD } from '../import-upload.js';
import { reportPath } from '../paths.js';

export const TABLE_SHORT: Record<TableKey, string> = {
  proactive: '表二',
  requests: '表三',
  review: '表四',
};

/** The cells an import left for the office to confirm, as `row|column` per table. */
export function cellsToConfirm(stored: StoredReport, table: TableKey): Set<string> {
  return new Set(
    (stored.readingNotes?.findings ?? [])
      .filter((f) => f.table === table && f.row)
      .map((f) => `${f.row}|${f.column ?? ''}`),
  );
}

export function ReadingNotesList({ stored }: { stored: StoredReport }) {
  const notes = stored.readingNotes;
  if (!notes || notes.findings.length === 0) return null;
  const format = FORMATS[stored.report.format];
  return (
    <div class="notice warn" id="reading-notes">
      <p>
        <strong>
          从“{notes.file}”导入的内容中有{notes.findings.length}
          处读取时不能确定，已在表格中标记“待核对”。
        </strong>
        请对照原文件逐一核对，改正后保存；保存即视为已核对，核对前不能审核通过。
      </p>
      <ul>
        {notes.findings.map((f) => (
          <li>
            {f.table ? `${TABLE_SHORT[f.table]}` : ''}
            {f.table && f.row ? `「${rowLabel(format, f.table, f.row)}」` : ''}
            {f.table && f.row && f.column
              ? `「${columnLabel(format, f.table, f.row, f.column)}」`
              : ''}
            {f.table ? '：' : ''}
            {f.message}（{f.code}）
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ImportSection(p: {
  stored: StoredReport;
  typed: readonly TableKey[];
  error: string | undefined;
}) {
  const { stored, typed } = p;
  const computed = stored.computed.map((t) => TABLE_SHORT[t]).join('、');
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">从报告文件导入</h2>
      <PostForm action={`${reportPath(stored.id)}/import`} multipart label="从报告文件导入">
        <p class="hint">
          {typed.length > 0
            ? `上传本机关在其他系统编写的本年度报告，或上年度报告，读取其中的${typed.map((t) => TABLE_SHORT[t]).join('、')}填入下方的填报表格，然后按全部规则检查。`
            : '本报告的表格全部根据记录计算；可以从文件导入各部分正文。'}
          {computed ? `${computed}根据本平台的记录计算，不会被文件中的数字覆盖。` : ''}
        </p>
        <FileField
          name={IMPORT_FIELD}
          label="年度报告文件"
          accept=".docx,.html,.htm,.pdf,.txt,.md,.json"
          hint="Word（.docx）、网页、带文字层的 PDF、文本、Markdown 或 JSON，不超过 20 MB。出错后请重新选择文件"
          error={p.error}
        />
        <ChoiceGroup
          name={WITH_TEXT_FIELD}
          label="正文"
          kind="checkbox"
          options={[{ value: '1', label: '同时导入各部分正文和开头的说明（替换当前的正文）' }]}
          value={typed.length === 0 ? '1' : null}
        />
        <SubmitButton secondary>读取并填入</SubmitButton>
      </PostForm>
      <ReadingNotesList stored={stored} />
    </section>
  );
}

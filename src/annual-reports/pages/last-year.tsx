// Last year's report beside this year's, readable without JavaScript: every cell of the
// three tables with last year's value and the change, and each section's text as a plain
// difference (kept, removed, added sentences), with SAME_AS_LAST_YEAR marked where it applies.
import { FORMATS, tableShape, TABLE_KEYS, type SectionKey } from '../../reports/format/index.js';
import type { CellValue, Finding } from '../../reports/model.js';
import { cellText } from '../edit-form.js';
import type { LastYear } from '../last-year.js';
import type { StoredReport } from '../annual-report.js';
import { diffSentences } from '../text-diff.js';
import { TABLE_SHORT } from './import-section.js';

function change(now: CellValue | undefined, before: CellValue | undefined): string {
  if (typeof now !== 'number' || typeof before !== 'number') return now === before ? '' : '不可比';
  const d = Math.round((now - before) * 100) / 100;
  return d === 0 ? '持平' : d > 0 ? `增${d}` : `减${-d}`;
}

/** One cell: its column (blocks of table 二 differ in columns, so each cell names its own). */
function CellPair(p: { label: string; now: CellValue | undefined; before: CellValue | undefined }) {
  const delta = change(p.now, p.before);
  return (
    <td class={delta && delta !== '持平' ? 'changed' : undefined}>
      <span class="cell-col">{p.label}</span>
      <span class="now">本年 {cellText(p.now) || '空'}</span>
      <span class="before">上年 {cellText(p.before) || '空'}</span>
      {delta ? <span class="delta">{delta}</span> : null}
    </td>
  );
}

export function LastYearView(p: {
  stored: StoredReport;
  lastYear: LastYear;
  findings: readonly Finding[];
}) {
  const { stored, lastYear } = p;
  const format = FORMATS[stored.report.format];
  const same = p.findings.filter((f) => f.code === 'SAME_AS_LAST_YEAR');
  const sameWhole = same.some((f) => f.section === null && f.table === null);
  const sameSections = new Set<SectionKey>(same.flatMap((f) => (f.section ? [f.section] : [])));
  const comparable = lastYear.report.format === stored.report.format;
  return (
    <div class="last-year">
      {sameWhole ? (
        <p class="notice warn">
          正文整体与上年度报告基本雷同（SAME_AS_LAST_YEAR）：{same.find((f) => !f.section)?.message}
        </p>
      ) : null}
      <h3>正文对照</h3>
      <p class="hint">按句比对：删除线为上年有、本年删去的句子，下划线为本年新写的句子。</p>
      {format.sections.map((def) => {
        const now = stored.report.sections.find((s) => s.key === def.key)?.text ?? '';
        const before = lastYear.report.sections.find((s) => s.key === def.key)?.text ?? '';
        const marked = sameWhole || sameSections.has(def.key);
        return (
          <section
            class={marked ? 'diff-section same-as-last-year' : 'diff-section'}
            aria-labelledby={`diff-${def.key}`}
          >
            <h4 id={`diff-${def.key}`}>
              {def.numeral}、{def.title}
              {marked ? (
                <strong class="error-text">　与上年雷同（SAME_AS_LAST_YEAR）</strong>
              ) : null}
            </h4>
            {now === '' && before === '' ? (
              <p class="muted">两年均无正文。</p>
            ) : (
              <p class="diff">
                {diffSentences(before, now).map((part) =>
                  part.kind === 'same' ? (
                    <span>{part.text}</span>
                  ) : part.kind === 'removed' ? (
                    <del>
                      <span class="visually-hidden">（上年有，本年删去）</span>
                      {part.text}
                    </del>
                  ) : (
                    <ins>
                      <span class="visually-hidden">（本年新写）</span>
                      {part.text}
                    </ins>
                  ),
                )}
              </p>
            )}
          </section>
        );
      })}
      <h3>表格对照</h3>
      {comparable ? (
        TABLE_KEYS.map((table) => {
          const rows = tableShape(format, table);
          const width = Math.max(...rows.map((r) => r.columns.length));
          const sameTable = same.some((f) => f.table === table);
          return (
            <div
              class="table-scroll"
              role="region"
              tabindex={0}
              aria-labelledby={`compare-${table}`}
            >
              <table class="data-table compare-table">
                <caption id={`compare-${table}`}>
                  {TABLE_SHORT[table]}：本年数、上年数和增减
                  {sameTable ? '（全部数据与上年相同，SAME_AS_LAST_YEAR）' : ''}
                </caption>
                <tbody>
                  {rows.map((row) => (
                    <tr>
                      <th scope="row">{row.label}</th>
                      {row.columns.map((c) => (
                        <CellPair
                          label={c.parentLabel ? `${c.parentLabel}·${c.label}` : c.label}
                          now={stored.report.tables[table][row.key]?.[c.key]}
                          before={lastYear.report.tables[table][row.key]?.[c.key]}
                        />
                      ))}
                      {row.columns.length < width ? (
                        <td colspan={width - row.columns.length}></td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })
      ) : (
        <p class="muted">上年度报告按另一种国家格式编制，表格的行列不同，不逐格对照。</p>
      )}
    </div>
  );
}

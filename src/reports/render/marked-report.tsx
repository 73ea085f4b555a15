// A checked report's findings and its marked tables, as every page that shows a check of a
// report shows them (the console's check page, the supervisor's report page): the report's
// own problems, those with one cause grouped with the likely correction, then apart the
// notes on how the file was read, then the tables. One numbering (problems first, then
// notes) gives the list its numbers and the cells theirs, so the two cannot disagree; each
// number in a cell links to its finding, and each finding to its first cell. Plain links:
// no script is needed.
import type { Child } from 'hono/jsx';
import { groupFindings } from '../checks/grouping.js';
import { SEVERITY_LABELS } from '../checks/labels.js';
import { numberedFindings } from '../checks/reading-notes.js';
import type { AnnualReport, Finding } from '../model.js';
import { findingId, MARK_SIGNS, markedCellId, ReportTables } from './html-tables.js';
import { tableLayouts, type CellRef } from './layout.js';
import { markCells, type MarkKind, type TableMarks } from './marks.js';

type Level = 2 | 3;

function Heading({ level, id, text }: { level: Level | 4; id: string; text: string }) {
  if (level === 2) return <h2 id={id}>{text}</h2>;
  if (level === 3) return <h3 id={id}>{text}</h3>;
  return <h4 id={id}>{text}</h4>;
}

function FindingList(props: {
  findings: readonly Finding[];
  start: number;
  id: string;
  prefix: string;
  firstCell: ReadonlyMap<number, CellRef>;
}) {
  const { start, prefix } = props;
  return (
    <ol class="finding-list" start={start} id={props.id}>
      {props.findings.map((f, i) => {
        const n = start + i;
        const cell = props.firstCell.get(n);
        return (
          <li class={`finding finding-${f.severity}`} id={findingId(prefix, n)}>
            <strong>{SEVERITY_LABELS[f.severity]}</strong>（{f.code}）：{f.message}
            {cell ? (
              <>
                {' '}
                <a href={`#${markedCellId(prefix, cell)}`}>{`在表中查看第${n}条`}</a>
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** What the signs in the cells mean, for the kinds this report's tables show. */
function Legend({ marks }: { marks: TableMarks }) {
  const kinds = new Set<MarkKind>();
  for (const mark of marks.cells.values()) {
    if (mark.problemNumbers.length > 0) kinds.add(mark.kind);
    if (mark.noteNumbers.length > 0) kinds.add('note');
  }
  if (kinds.size === 0) return null;
  const problems = [
    kinds.has('error') ? `${MARK_SIGNS.error} 为错误` : null,
    kinds.has('warning') ? `${MARK_SIGNS.warning} 为提示` : null,
  ].filter((s) => s !== null);
  const parts = [
    problems.length > 0
      ? `有问题的单元格加粗加框，并在数字旁标出对应的问题序号（${problems.join('，')}）`
      : null,
    kinds.has('note')
      ? `读取说明涉及的单元格加点线框和斜纹底，标 ${MARK_SIGNS.note} 和说明的序号`
      : null,
  ].filter((s) => s !== null);
  return (
    <p class="muted mark-legend">{`${parts.join('；')}。点击序号可跳到该条，每条后的“在表中查看”可回到单元格。`}</p>
  );
}

export function MarkedReport(props: {
  report: AnnualReport;
  findings: readonly Finding[];
  /** Prefix of every id, so that several reports can share one page. */
  idPrefix: string;
  /** h2 on a page of one report; h3 where each report is a section of the page. */
  level: Level;
  /** Shown under the heading of the report's problems when it has some (the supervisor's notice). */
  actions?: Child;
}) {
  const { report, idPrefix: prefix, level } = props;
  const { problems, notes, all } = numberedFindings(props.findings);
  const layouts = tableLayouts(report);
  const marks = markCells(all, layouts);
  const groups = groupFindings(report, problems);
  return (
    <>
      <section aria-labelledby={`${prefix}problems-title`}>
        <Heading level={level} id={`${prefix}problems-title`} text="报告中的问题" />
        {problems.length > 0 ? props.actions : null}
        {groups.length > 0 ? (
          <section aria-labelledby={`${prefix}groups-title`}>
            <Heading
              level={(level + 1) as 3 | 4}
              id={`${prefix}groups-title`}
              text="同一原因引起的问题"
            />
            <ul>
              {groups.map((g) => (
                <li>
                  第
                  {g.members.map((i, k) => (
                    <>
                      {k > 0 ? '、' : null}
                      <a href={`#${findingId(prefix, i + 1)}`}>{i + 1}</a>
                    </>
                  ))}
                  条很可能出自同一处：<strong>{g.correction}</strong>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {problems.length === 0 ? (
          <p class="notice ok">未发现问题。</p>
        ) : (
          <FindingList
            findings={problems}
            start={1}
            id={`${prefix}findings`}
            prefix={prefix}
            firstCell={marks.firstCell}
          />
        )}
      </section>
      {notes.length > 0 ? (
        <section aria-labelledby={`${prefix}notes-title`}>
          <Heading level={level} id={`${prefix}notes-title`} text="读取说明" />
          <p class="muted">
            以下是系统读取该文件时的说明，并非报告本身的问题，不计入提示；涉及的单元格另行标出，请对照原文核实。
          </p>
          <FindingList
            findings={notes}
            start={problems.length + 1}
            id={`${prefix}notes`}
            prefix={prefix}
            firstCell={marks.firstCell}
          />
        </section>
      ) : null}
      <section aria-labelledby={`${prefix}tables-title`}>
        <Heading level={level} id={`${prefix}tables-title`} text="报告表格" />
        <Legend marks={marks} />
        <ReportTables layouts={layouts} marks={marks} prefix={prefix} linked />
      </section>
    </>
  );
}

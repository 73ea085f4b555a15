// Tables 二, 三 and 四 as real HTML tables: merged header cells as the national format
// prints them, `scope` on simple headers and `headers` on every data cell (the merged
// header blocks make scope alone ambiguous for screen readers). A marked cell shows the
// numbers of its findings on screen and in print, beside a sign that is not colour alone.
import { SEVERITY_LABELS } from '../checks/labels.js';
import type { Finding } from '../model.js';
import { tableLayouts, type CellRef, type LayoutCell, type TableLayout } from './layout.js';
import { cellKey, markCells, type CellMark, type TableMarks } from './marks.js';

export interface TablesHtmlOptions {
  /** Findings whose cells are marked; their 1-based position is cited in each marked cell. */
  marked?: readonly Finding[];
  /** Prefix for element ids, so that several reports can share one page. */
  idPrefix?: string;
  /** Whether the caption is shown (console) or only read out (the document, under its section heading). */
  captionVisible?: boolean;
  /**
   * Pages that list the findings with ids (marked-report.tsx): each number in a marked cell
   * links to `#<prefix>finding-<n>`, and the cell has the id `<prefix>cell-<table>-<row>-<column>`
   * that the finding links back to (see markedCellId).
   */
  linked?: boolean;
}

/** The id of a marked cell on a page rendered with `linked`. */
export function markedCellId(prefix: string, ref: CellRef): string {
  return `${prefix}cell-${ref.table}-${ref.row}-${ref.column}`;
}

/** The id of a finding's entry in the list, which marked cells link to. */
export const findingId = (prefix: string, n: number) => `${prefix}finding-${n}`;

/** The sign beside the numbers: a shape for each kind, so that the mark is not colour alone. */
export const MARK_SIGNS = { error: '✗', warning: '!', note: '?' } as const;

function Numbers({ numbers, linkPrefix }: { numbers: readonly number[]; linkPrefix?: string }) {
  return (
    <>
      {numbers.map((n, i) => (
        <>
          {i > 0 ? '、' : null}
          {linkPrefix !== undefined ? <a href={`#${findingId(linkPrefix, n)}`}>{n}</a> : n}
        </>
      ))}
    </>
  );
}

/**
 * 「✗2、3」 and, for reading notes, 「?10」, raised beside the value. Screen readers hear
 * 「（此格有错误，见第2、3条）」: the sign is hidden from them, the words are hidden from sight.
 */
function MarkNumbers({ mark, linkPrefix }: { mark: CellMark; linkPrefix?: string }) {
  const problems = mark.problemNumbers;
  const notes = mark.noteNumbers;
  const severity = mark.kind === 'note' ? null : SEVERITY_LABELS[mark.kind];
  return (
    <span class="mark-numbers">
      {severity !== null && problems.length > 0 ? (
        <span class="mark-group">
          <span class="mark-sign" aria-hidden="true">
            {MARK_SIGNS[mark.kind]}
          </span>
          <span class="visually-hidden">{`（此格有${severity}，见第`}</span>
          <Numbers numbers={problems} linkPrefix={linkPrefix} />
          <span class="visually-hidden">条）</span>
        </span>
      ) : null}
      {notes.length > 0 ? (
        <span class="mark-group mark-group-note">
          <span class="mark-sign" aria-hidden="true">
            {MARK_SIGNS.note}
          </span>
          <span class="visually-hidden">
            {problems.length > 0 ? '（读取说明见第' : '（此格有读取说明，见第'}
          </span>
          <Numbers numbers={notes} linkPrefix={linkPrefix} />
          <span class="visually-hidden">条）</span>
        </span>
      ) : null}
    </span>
  );
}

function Cell({
  cell,
  prefix,
  mark,
  linked,
}: {
  cell: LayoutCell;
  prefix: string;
  mark: CellMark | undefined;
  linked?: boolean;
}) {
  const colspan = cell.colSpan > 1 ? cell.colSpan : undefined;
  const rowspan = cell.rowSpan > 1 ? cell.rowSpan : undefined;
  if (cell.kind === 'header') {
    return (
      <th
        id={cell.id ? prefix + cell.id : undefined}
        scope={cell.scope}
        colspan={colspan}
        rowspan={rowspan}
      >
        {cell.text}
      </th>
    );
  }
  const headers = [...(cell.rowHeaders ?? []), ...(cell.columnHeaders ?? [])]
    .map((h) => prefix + h)
    .join(' ');
  return (
    <td
      headers={headers}
      colspan={colspan}
      rowspan={rowspan}
      class={mark ? `cell-marked cell-${mark.kind}` : undefined}
      id={linked && mark && cell.ref ? markedCellId(prefix, cell.ref) : undefined}
    >
      {cell.text}
      {mark ? <MarkNumbers mark={mark} linkPrefix={linked ? prefix : undefined} /> : null}
    </td>
  );
}

function Row({
  cells,
  prefix,
  marks,
  linked,
}: {
  cells: LayoutCell[];
  prefix: string;
  marks: TableMarks;
  linked?: boolean;
}) {
  return (
    <tr>
      {cells.map((cell) => (
        <Cell
          cell={cell}
          prefix={prefix}
          linked={linked}
          mark={
            cell.ref
              ? marks.cells.get(cellKey(cell.ref.table, cell.ref.row, cell.ref.column))
              : undefined
          }
        />
      ))}
    </tr>
  );
}

const NO_MARKS: TableMarks = { cells: new Map(), firstCell: new Map() };

export function ReportTable(props: {
  layout: TableLayout;
  prefix: string;
  /** None: a published report's tables, unmarked. */
  marks?: TableMarks;
  captionVisible: boolean;
  linked?: boolean;
}) {
  const { layout, prefix, marks = NO_MARKS, linked } = props;
  const captionId = `${prefix}caption-${layout.key}`;
  // On a narrow screen the table scrolls sideways in its own box, not the page: the region
  // is focusable so that keyboard users can scroll it too, and named by the caption.
  return (
    <div class="table-scroll" role="region" tabindex={0} aria-labelledby={captionId}>
      <table class={`report-table report-table-${layout.key}`} id={`${prefix}table-${layout.key}`}>
        <caption id={captionId} class={props.captionVisible ? undefined : 'visually-hidden'}>
          {`表${layout.numeral}　${layout.title}`}
        </caption>
        {layout.headRows.length > 0 ? (
          <thead>
            {layout.headRows.map((cells) => (
              <Row cells={cells} prefix={prefix} marks={marks} linked={linked} />
            ))}
          </thead>
        ) : null}
        <tbody>
          {layout.bodyRows.map((cells) => (
            <Row cells={cells} prefix={prefix} marks={marks} linked={linked} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The three tables, drawn from layouts and marks already made (marked-report.tsx shares them with its list). */
export function ReportTables(props: {
  layouts: readonly TableLayout[];
  marks: TableMarks;
  prefix: string;
  captionVisible?: boolean;
  linked?: boolean;
}) {
  return (
    <div class="report-tables">
      {props.layouts.map((layout) => (
        <ReportTable
          layout={layout}
          prefix={props.prefix}
          marks={props.marks}
          captionVisible={props.captionVisible ?? true}
          linked={props.linked}
        />
      ))}
    </div>
  );
}

/** The three tables of a report as an HTML fragment for console pages. */
export function renderTablesHtml(
  report: Parameters<typeof tableLayouts>[0],
  options: TablesHtmlOptions = {},
) {
  const layouts = tableLayouts(report);
  return (
    <ReportTables
      layouts={layouts}
      marks={markCells(options.marked ?? [], layouts)}
      prefix={options.idPrefix ?? ''}
      captionVisible={options.captionVisible}
      linked={options.linked}
    />
  );
}

// Tables 二, 三 and 四 as real HTML tables: merged header cells as the national format
// prints them, `scope` on simple headers and `headers` on every data cell (the merged
// header blocks make scope alone ambiguous for screen readers).
import { SEVERITY_LABELS } from '../checks/labels.js';
import type { Finding } from '../model.js';
import { tableLayouts, type LayoutCell, type TableLayout } from './layout.js';
import { cellKey, markCells, type CellMark } from './marks.js';

export interface TablesHtmlOptions {
  /** Findings whose cells are marked; their 1-based position is cited in each marked cell. */
  marked?: readonly Finding[];
  /** Prefix for element ids, so that several reports can share one page. */
  idPrefix?: string;
  /** Whether the caption is shown (console) or only read out (the document, under its section heading). */
  captionVisible?: boolean;
  /**
   * Console pages that list the findings: each marked cell shows its findings' numbers on
   * screen as links to `#<prefix>finding-<n>`, and has the id `<prefix>cell-<table>-<row>-<column>`
   * that the finding links back to (see markedCellId).
   */
  linked?: boolean;
}

/** The id of a marked cell on a page rendered with `linked`. */
export function markedCellId(prefix: string, table: string, row: string, column: string): string {
  return `${prefix}cell-${table}-${row}-${column}`;
}

function MarkedText({ mark, linkPrefix }: { mark: CellMark; linkPrefix?: string }) {
  // Read out beside the numbers, in the words every page uses (错误 / 提示).
  const what = SEVERITY_LABELS[mark.severity];
  if (linkPrefix !== undefined) {
    return (
      <span class="mark-numbers">
        <span class="mark-sign" aria-hidden="true">
          {mark.severity === 'error' ? '✗' : '!'}
        </span>
        <span class="visually-hidden">{`（此格有${what}，见第`}</span>
        {mark.findingNumbers.map((n, i) => (
          <>
            {i > 0 ? '、' : null}
            <a href={`#${linkPrefix}finding-${n}`}>{n}</a>
          </>
        ))}
        <span class="visually-hidden">条）</span>
      </span>
    );
  }
  return (
    <>
      <span class="mark-sign" aria-hidden="true">
        {mark.severity === 'error' ? '✗' : '!'}
      </span>
      <span class="visually-hidden">{`（此格有${what}，见第${mark.findingNumbers.join('、')}条）`}</span>
    </>
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
  const className = mark ? `cell-marked cell-${mark.severity}` : undefined;
  return (
    <td
      headers={headers}
      colspan={colspan}
      rowspan={rowspan}
      class={className}
      id={
        linked && mark && cell.ref
          ? markedCellId(prefix, cell.ref.table, cell.ref.row, cell.ref.column)
          : undefined
      }
    >
      {cell.text}
      {mark ? <MarkedText mark={mark} linkPrefix={linked ? prefix : undefined} /> : null}
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
  marks: Map<string, CellMark>;
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
            cell.ref ? marks.get(cellKey(cell.ref.table, cell.ref.row, cell.ref.column)) : undefined
          }
        />
      ))}
    </tr>
  );
}

export function ReportTable(props: {
  layout: TableLayout;
  prefix: string;
  marks: Map<string, CellMark>;
  captionVisible: boolean;
  linked?: boolean;
}) {
  const { layout, prefix, marks, linked } = props;
  const captionId = `${prefix}caption-${layout.key}`;
  // On a narrow screen the table scrolls sideways: the region is focusable so that keyboard
  // users can scroll it too, and named by the caption.
  return (
    <div class="table-scroll" role="region" tabindex={0} aria-labelledby={captionId}>
      <table class="report-table" id={`${prefix}table-${layout.key}`}>
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

/** The three tables of a report as an HTML fragment for console pages. */
export function renderTablesHtml(
  report: Parameters<typeof tableLayouts>[0],
  options: TablesHtmlOptions = {},
) {
  const layouts = tableLayouts(report);
  const marks = markCells(options.marked ?? [], layouts);
  const prefix = options.idPrefix ?? '';
  return (
    <div class="report-tables">
      {layouts.map((layout) => (
        <ReportTable
          layout={layout}
          prefix={prefix}
          marks={marks}
          captionVisible={options.captionVisible ?? true}
          linked={options.linked}
        />
      ))}
    </div>
  );
}

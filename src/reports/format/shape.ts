// The cells a format defines, table by table: which rows exist and which columns (with
// their kind) each row has. The JSON schema, the checks and the canonical JSON output all
// walk this shape, so no row or column list is typed outside the format definition.
import type { ColumnDef, ReportFormat } from './types.js';

export type TableKey = 'proactive' | 'requests' | 'review';

export const TABLE_KEYS: readonly TableKey[] = ['proactive', 'requests', 'review'];

export interface ShapeRow {
  key: string;
  /** Label as printed, with its number and (for table 三) its outcome group; for table 二 its block. */
  label: string;
  columns: readonly ColumnDef[];
}

export type TableShape = readonly ShapeRow[];

// Shapes are derived once per format and table: checks and renderers ask for them per cell.
const cache = new WeakMap<ReportFormat, Partial<Record<TableKey, TableShape>>>();

export function tableShape(format: ReportFormat, table: TableKey): TableShape {
  let shapes = cache.get(format);
  if (!shapes) cache.set(format, (shapes = {}));
  return (shapes[table] ??= buildShape(format, table));
}

function buildShape(format: ReportFormat, table: TableKey): TableShape {
  if (table === 'proactive') {
    return format.proactive.blocks.flatMap((block) =>
      block.rows.map((row) => ({
        key: row.key,
        label: `${block.heading} ${row.label}`,
        columns: block.columns,
      })),
    );
  }
  if (table === 'requests') {
    const groups = new Map(format.requests.outcomeGroups.map((g) => [g.key, g]));
    return format.requests.rows.map((row) => {
      const group = row.group ? groups.get(row.group) : undefined;
      // A group printed as a single row (2019 （六）其他处理) carries the group's own number.
      const prefix = group && group.number !== row.number ? `${group.number}${group.label} ` : '';
      return {
        key: row.key,
        label: `${prefix}${row.number}${row.label}`,
        columns: format.requests.columns,
      };
    });
  }
  return format.review.groups.map((g) => ({
    key: g.key,
    label: g.parentLabel ? `${g.parentLabel}（${g.label}）` : g.label,
    columns: format.review.columns,
  }));
}

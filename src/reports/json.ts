// The annual report as open data: a Zod schema built from the format definitions (so
// every row and column key comes from src/reports/format), the canonical JSON an agency
// can publish beside its Word file, and reading such JSON back with Chinese errors that
// name the path of the wrong value.
import { z } from 'zod';
import { FORMATS, TABLE_KEYS, tableShape } from './format/index.js';
import type { FormatId, ReportFormat, SectionDef, TableKey } from './format/index.js';
import type { AnnualReport, CellValue, Grid, ReportSection } from './model.js';

const TABLE_TITLES: Record<TableKey, (f: ReportFormat) => string> = {
  proactive: (f) => f.proactive.title,
  requests: (f) => f.requests.title,
  review: (f) => f.review.title,
};

const cellSchema = z.union([z.number(), z.null(), z.string()]).meta({
  description:
    '单元格：数字；null 表示空白单元格（按0计算并提示）；无法读作数字时为所印文字。件数应为非负整数，收费金额可为小数，本年增/减可为负数。',
});

function gridSchema(format: ReportFormat, table: TableKey) {
  const rows = tableShape(format, table).map((row) => {
    const columns = Object.fromEntries(
      row.columns.map((c) => [
        c.key,
        cellSchema.meta({ description: c.parentLabel ? `${c.parentLabel}·${c.label}` : c.label }),
      ]),
    );
    return [row.key, z.strictObject(columns).meta({ description: row.label })] as const;
  });
  return z
    .strictObject(Object.fromEntries(rows))
    .meta({ description: TABLE_TITLES[table](format) });
}

function sectionSchema(def: SectionDef) {
  return z
    .strictObject({
      key: z.literal(def.key),
      heading: z
        .string()
        .nullable()
        .meta({ description: '报告中所印的标题（含编号）；缺少该部分时为 null' }),
      text: z.string().meta({ description: '该部分的正文（不含表格）' }),
    })
    .meta({ description: `${def.numeral}、${def.title}` });
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '应为“YYYY-MM-DD”格式的日期' })
  .refine((s) => isRealDate(s), { error: '不是有效的日期' });

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function reportSchemaFor(format: ReportFormat) {
  const sections = format.sections.map(sectionSchema);
  const [first, ...rest] = sections;
  if (!first) throw new Error('format without sections');
  return z
    .strictObject({
      $schema: z.string().optional(),
      agency: z.string().nullable().meta({ description: '报告所署的机关名称' }),
      year: z
        .number()
        .int()
        .min(1990)
        .max(2200)
        .nullable()
        .meta({ description: '报告年度（统计的年份）' }),
      format: z.literal(format.id).meta({ description: `年度报告格式：${format.basis}` }),
      publishedOn: isoDate.nullable().meta({ description: '发布或落款日期，YYYY-MM-DD' }),
      preamble: z.string().optional().meta({
        description: '标题之后、“一、总体情况”之前的说明文字（如“本报告根据……编制”）；没有时省略',
      }),
      sections: z.tuple([first, ...rest]).meta({ description: '六个部分，按顺序' }),
      tables: z.strictObject({
        proactive: gridSchema(format, 'proactive'),
        requests: gridSchema(format, 'requests'),
        review: gridSchema(format, 'review'),
      }),
    })
    .meta({ title: `政府信息公开工作年度报告（${format.basis}）` });
}

/** The Zod schema of a report in JSON; one branch per national format, told apart by `format`. */
export const annualReportSchema = z
  .discriminatedUnion('format', [
    reportSchemaFor(FORMATS['2021']),
    reportSchemaFor(FORMATS['2019']),
  ])
  .meta({
    title: '政府信息公开工作年度报告',
    description:
      '《中华人民共和国政府信息公开条例》第五十条规定的年度报告，按国务院办公厅政府信息公开办公室统一格式（2021年格式或2019年试行格式）的数据形式。',
  });

/** The published JSON Schema (draft 2020-12) of the report JSON. */
export function annualReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(annualReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

export interface AnnualReportJson {
  agency: string | null;
  year: number | null;
  format: FormatId;
  publishedOn: string | null;
  preamble?: string;
  sections: ReportSection[];
  tables: Record<TableKey, Grid>;
}

/**
 * The canonical JSON of a report: sections and cells in the format's order, every cell of
 * the format present (a cell the model lacks is written as null, i.e. empty).
 */
export function reportToJson(report: AnnualReport): AnnualReportJson {
  const format = FORMATS[report.format];
  const tables = Object.fromEntries(
    TABLE_KEYS.map((table) => {
      const grid = report.tables[table];
      const rows = tableShape(format, table).map((row) => [
        row.key,
        Object.fromEntries(
          row.columns.map((c) => [c.key, grid[row.key]?.[c.key] ?? null] as [string, CellValue]),
        ),
      ]);
      return [table, Object.fromEntries(rows) as Grid];
    }),
  ) as Record<TableKey, Grid>;
  const sections = format.sections.map((def) => {
    const s = report.sections.find((x) => x.key === def.key);
    return { key: def.key, heading: s?.heading ?? null, text: s?.text ?? '' };
  });
  return {
    agency: report.agency,
    year: report.year,
    format: report.format,
    publishedOn: report.publishedOn,
    ...(report.preamble ? { preamble: report.preamble } : {}),
    sections,
    tables,
  };
}

export type FromJsonResult = { ok: true; report: AnnualReport } | { ok: false; error: string };

/** Reads report JSON (already parsed from text). Never throws; errors are in Chinese. */
export function reportFromJson(value: unknown): FromJsonResult {
  const parsed = annualReportSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map(describeIssue);
    const more =
      parsed.error.issues.length > 10
        ? `\n（另有 ${parsed.error.issues.length - 10} 处问题未列出）`
        : '';
    return { ok: false, error: `年度报告 JSON 不符合数据格式：\n${lines.join('\n')}${more}` };
  }
  const { $schema: _schema, ...data } = parsed.data;
  return { ok: true, report: data as AnnualReport };
}

/** `tables.requests["unavailable.not_held"].natural_person`, `sections[2].heading`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part))
      out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '（根）';
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  null: 'null',
  object: '对象',
  array: '数组',
  boolean: '布尔值',
  tuple: '数组',
};

function typeOfInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return '数组';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatJsonPath(issue.path);
  if (issue.input === undefined && issue.path.length > 0 && issue.code !== 'unrecognized_keys')
    return `${where}：缺少该项`;
  switch (issue.code) {
    case 'invalid_type':
      return `${where}：应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${typeOfInput(issue.input)}`;
    case 'unrecognized_keys':
      return `${where}：有格式中不存在的项 ${issue.keys.map((k) => `“${k}”`).join('、')}`;
    case 'invalid_value':
      return `${where}：应为 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}`;
    case 'invalid_union':
      if (issue.path.length === 0 || issue.path.at(-1) === 'format')
        return `${formatJsonPath([...issue.path.filter((p) => p !== 'format'), 'format'])}：应为 "2021" 或 "2019"（年度报告格式）`;
      return `${where}：应为数字、null 或文字`;
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'array') return `${where}：应恰好包含六个部分`;
      return `${where}：数值超出范围`;
    case 'invalid_format':
      return `${where}：${issue.message}`;
    default:
      return `${where}：${issue.message}`;
  }
}

// Arithmetic findings only on cells read with confidence (decision 0021). A sum that does
// not hold is reported as the report's error only when every cell it adds up is a number
// that was read without doubt. Otherwise the check is "not assessed": one warning says which
// relation could not be checked and why — a cell left blank (a blank is never silently 0
// in a sum that produces an error), or a row the reader could not read reliably (its own
// CELL_AMBIGUOUS note names the place).
import { FORMAT_2021 } from '../format/index.js';
import type { ReportFormat, TableKey } from '../format/index.js';
import type { AnnualReport, Finding, FindingCode } from '../model.js';
import { cell } from './cells.js';
import { REQUESTS, REVIEW_TOTAL } from './keys.js';
import { columnLabel, formatOf, rowLabel, tableName } from './labels.js';

const ARITHMETIC: readonly FindingCode[] = [
  'T3_BALANCE',
  'T3_TOTAL_COLUMN',
  'T3_OUTCOME_SUM',
  'T4_SUM',
];

interface Place {
  table: TableKey;
  row: string;
  column: string;
}

export function isArithmetic(f: Finding): boolean {
  return ARITHMETIC.includes(f.code);
}

/** The cells an arithmetic finding adds up and compares. */
export function cellsOf(format: ReportFormat, f: Finding): Place[] {
  const columns = format.requests.columns.map((c) => c.key);
  switch (f.code) {
    case 'T3_BALANCE':
      return [
        REQUESTS.received,
        REQUESTS.carriedIn,
        REQUESTS.outcomeTotal,
        REQUESTS.carriedOut,
      ].map((row) => ({ table: 'requests', row, column: f.column! }));
    case 'T3_TOTAL_COLUMN':
      return columns.map((column) => ({ table: 'requests', row: f.row!, column }));
    case 'T3_OUTCOME_SUM':
      return [...format.requests.outcomeRowKeys, REQUESTS.outcomeTotal].map((row) => ({
        table: 'requests',
        row,
        column: f.column!,
      }));
    case 'T4_SUM':
      return format.review.columns.map((c) => ({ table: 'review', row: f.row!, column: c.key }));
    default:
      return [];
  }
}

/** 「表三“自然人”列的勾稽关系（第一项加第二项等于第三项加第四项）」: the relation a finding checked. */
function relation(format: ReportFormat, f: Finding): string {
  const t = tableName(format, f.table ?? 'requests');
  const col = f.column ? columnLabel(format, f.table ?? 'requests', null, f.column) : '';
  switch (f.code) {
    case 'T3_BALANCE':
      return `${t}“${col}”列的勾稽关系（第一项加第二项等于第三项加第四项）`;
    case 'T3_TOTAL_COLUMN':
      return `${t}“${rowLabel(format, 'requests', f.row ?? '')}”行的“总计”（六类申请人之和）`;
    case 'T3_OUTCOME_SUM':
      return `${t}“${col}”列的“（七）总计”（各项办理结果之和）`;
    default:
      return `${t}“${rowLabel(format, 'review', f.row ?? '')}”的“${columnLabel(format, 'review', f.row, REVIEW_TOTAL)}”（四项结果之和）`;
  }
}

function notAssessed(f: Finding, message: string): Finding {
  return {
    code: 'NOT_ASSESSED',
    severity: 'warning',
    table: f.table,
    row: f.row,
    column: f.column,
    section: null,
    expected: null,
    actual: null,
    message,
  };
}

function placeName(format: ReportFormat, p: Place): string {
  return `“${rowLabel(format, p.table, p.row)}”行“${columnLabel(format, p.table, p.row, p.column)}”列`;
}

/**
 * Arithmetic findings whose cells include a blank become NOT_ASSESSED: the report left
 * the cell empty, and an error computed by taking it as 0 is not one the report shows.
 */
export function withoutBlankSums(report: AnnualReport, findings: readonly Finding[]): Finding[] {
  const format = formatOf(report);
  const blank = (p: Place) => {
    const v = cell(report.tables[p.table], p.row, p.column);
    return v === null || v === undefined;
  };
  return groupByCause(format, findings, (f) => {
    const blanks = cellsOf(format, f).filter(blank);
    if (blanks.length === 0) return null;
    const first = placeName(format, blanks[0]!);
    const more = blanks.length > 1 ? `等${blanks.length}个单元格` : '';
    return {
      cause: `blank/${f.table}`,
      place: { table: f.table ?? 'requests', row: null },
      message: `${relation(format, f)}未能核对：${first}${more}为空白，空白不按0计算来认定错误；请填写数字（为0的填“0”）后再核对`,
      why: () => {
        const all = new Set(
          findings
            .filter((g) => isArithmetic(g) && g.table === f.table)
            .flatMap((g) => cellsOf(format, g).filter(blank))
            .map((p) => placeName(format, p)),
        );
        const n = all.size > 1 ? `等${all.size}个单元格` : '';
        return `这些合计所加的单元格中有空白（${[...all][0]}${n}），空白不按0计算来认定错误；请填写数字（为0的填“0”）后再核对`;
      },
    };
  });
}

/** Why one arithmetic finding could not be assessed: the cause it shares with others, and its own message. */
interface Doubt {
  /** Findings with the same cause become one NOT_ASSESSED. */
  cause: string;
  /** Where the cause lies: a row (the unreadable one), or the table (`row` null). */
  place: { table: TableKey; row: string | null };
  message: string;
  /** The cause in words, for the grouped finding. */
  why: () => string;
}

/** Relations listed by name in a grouped finding; more are counted. */
const LISTED = 3;

/**
 * Turns each arithmetic finding that `doubt` explains into NOT_ASSESSED, one per cause: a
 * report with its 总计 column left blank gets one warning saying which relations could not
 * be checked and why, not one per row. The grouped warning names the cause's row (or, when
 * all share it, the column), so a page marks only the cells it concerns.
 */
function groupByCause(
  format: ReportFormat,
  findings: readonly Finding[],
  doubt: (f: Finding) => Doubt | null,
): Finding[] {
  const groups = new Map<string, { first: number; doubt: Doubt; members: Finding[] }>();
  const out: (Finding | null)[] = findings.map((f, i) => {
    const d = isArithmetic(f) ? doubt(f) : null;
    if (!d) return f;
    const group = groups.get(d.cause);
    if (group) group.members.push(f);
    else groups.set(d.cause, { first: i, doubt: d, members: [f] });
    return null;
  });
  for (const { first, doubt: d, members } of groups.values()) {
    const only = members.length === 1 ? members[0]! : null;
    if (only) {
      out[first] = notAssessed(only, d.message);
      continue;
    }
    const columns = new Set(members.map((m) => m.column));
    const rows = new Set(members.map((m) => m.row));
    const named = members.slice(0, LISTED).map((m) => relation(format, m));
    const more = members.length > LISTED ? `等${members.length}项` : '';
    out[first] = {
      code: 'NOT_ASSESSED',
      severity: 'warning',
      table: d.place.table,
      row: d.place.row ?? (rows.size === 1 ? members[0]!.row : null),
      column: columns.size === 1 ? members[0]!.column : null,
      section: null,
      expected: null,
      actual: null,
      message: `${members.length}项合计未能核对：${named.join('、')}${more}；${d.why()}`,
    };
  }
  return out.filter((f): f is Finding => f !== null);
}

/** The rows a reading note (CELL_AMBIGUOUS) puts in doubt: `table/row`, or `table/*` for a whole table. */
function doubtedRows(notes: readonly Finding[]): Set<string> {
  const out = new Set<string>();
  for (const n of notes)
    if (n.code === 'CELL_AMBIGUOUS' && n.table) out.add(`${n.table}/${n.row ?? '*'}`);
  return out;
}

/**
 * Arithmetic findings that add up a row the reader was unsure of become NOT_ASSESSED:
 * the difference may be the reader's, not the report's.
 */
export function withoutDoubtedSums(
  notes: readonly Finding[],
  findings: readonly Finding[],
  format: ReportFormat = FORMAT_2021,
): Finding[] {
  const doubted = doubtedRows(notes);
  if (doubted.size === 0) return [...findings];
  return groupByCause(format, findings, (f) => {
    const place = cellsOf(format, f).find(
      (p) => doubted.has(`${p.table}/${p.row}`) || doubted.has(`${p.table}/*`),
    );
    if (!place) return null;
    const whole = doubted.has(`${place.table}/*`);
    const where = whole
      ? `${tableName(format, place.table)}的数字`
      : `${tableName(format, place.table)}“${rowLabel(format, place.table, place.row)}”行`;
    const why = `${where}未能可靠读取（见读取说明），依赖它的合计不作为报告的错误；请核对原文`;
    return {
      cause: whole ? `${place.table}/*` : `${place.table}/${place.row}`,
      place: { table: place.table, row: whole ? null : place.row },
      message: `${relation(format, f)}未能核对：${why}`,
      why: () => why,
    };
  });
}

/**
 * SECTION_MISSING for a section whose heading the parser noted it could not find although a
 * heading it could not place stands there (unfound-sections.ts): not asserted as the report's
 * error; the note asks the supervisor to check by eye.
 */
export function withoutDoubtedSections(
  notes: readonly Finding[],
  findings: readonly Finding[],
): Finding[] {
  const doubted = new Set(
    notes.filter((n) => n.code === 'CELL_AMBIGUOUS' && n.section).map((n) => n.section),
  );
  return findings.filter((f) => !(f.code === 'SECTION_MISSING' && doubted.has(f.section)));
}

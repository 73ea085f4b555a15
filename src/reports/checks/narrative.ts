// NARRATIVE_MISMATCH: a figure stated in the prose contradicts the tables.
//
// Only clear statements about a quantity the tables hold are compared, so the check never
// reports a sentence it misread: 「共办理依申请公开件9件」「受理政府信息公开申请17件」,
// 「未发生…行政复议、行政诉讼」, 「制发行政规范性文件3件」. Counts the tables do not hold
// (「主动公开政府信息1351条」) are ignored, and so are clauses about someone else's work or
// part of the whole (协查, 其中, 同比, 上年 …). Where wording leaves open whether a figure
// includes last year's carried-over requests, every reading is accepted.
import { FORMATS } from '../format/index.js';
import type { SectionKey } from '../format/index.js';
import type { AnnualReport, Finding, Grid } from '../model.js';
import { cell, numeric } from './cells.js';
import { REQUESTS, REVIEW_TOTAL, STOCK } from './keys.js';
import { columnLabel, formatOf, num, rowLabel, sectionName, tableName } from './labels.js';

type Quantity =
  'received' | 'handled' | 'reconsideration' | 'litigation' | 'issued' | 'repealed' | 'in_force';

interface Claim {
  quantity: Quantity;
  value: number;
  quote: string;
  section: SectionKey;
  /** For table 二 statements: rules or normative documents. */
  row?: string;
}

const NUM = '(\\d+|[零〇一二两三四五六七八九十百]+)';
const UNIT = '(?:件|个|条|宗|起|份)';
const SUM = '(?:数量|数)?(?:共|合计|总计|共计)?';
const REQUEST_NOUN = '(?:政府信息公开申请|信息公开申请|依申请公开(?:申请|事项|件)?)';

const PATTERNS: readonly { quantity: Quantity; re: RegExp; row?: string }[] = [
  {
    quantity: 'received',
    re: new RegExp(`(?:新收|收到|受理|接收|接到)(?:了)?${REQUEST_NOUN}${SUM}${NUM}${UNIT}`, 'gu'),
  },
  {
    quantity: 'handled',
    re: new RegExp(`(?:办理|办结|处理|答复)(?:了)?${REQUEST_NOUN}${SUM}${NUM}${UNIT}`, 'gu'),
  },
  {
    quantity: 'reconsideration',
    re: new RegExp(`(?<![、和及与])行政复议(?:案件|申请)?${SUM}${NUM}${UNIT}`, 'gu'),
  },
  {
    quantity: 'litigation',
    re: new RegExp(`(?<!行政复议[、和及与或])行政诉讼(?:案件)?${SUM}${NUM}${UNIT}`, 'gu'),
  },
  {
    quantity: 'issued',
    row: 'normative_documents',
    re: new RegExp(`制发(?:行政)?规范性文件${SUM}${NUM}${UNIT}`, 'gu'),
  },
  {
    quantity: 'repealed',
    row: 'normative_documents',
    re: new RegExp(`废止(?:行政)?规范性文件${SUM}${NUM}${UNIT}`, 'gu'),
  },
  {
    quantity: 'in_force',
    row: 'normative_documents',
    re: new RegExp(`现行有效(?:的)?(?:行政)?规范性文件${SUM}${NUM}${UNIT}`, 'gu'),
  },
  {
    quantity: 'issued',
    row: 'rules',
    re: new RegExp(`制发(?:政府)?规章${SUM}${NUM}${UNIT}`, 'gu'),
  },
];

/** 「未发生因政府信息公开引起的行政复议、行政诉讼」: what the tables must show as zero. */
const NONE_RE =
  /(?:未|没有|无)(?:发生|收到|出现|产生|涉及)?(?:过)?(?:任何)?([^，,。；;、]{0,14}?)(行政复议(?:[、和及与或]行政诉讼)?|行政诉讼)(?=案件|情况|事项|的情况|[，,。；;]|$)/gu;
const NO_REQUESTS_RE =
  /(?:未|没有)(?:收到|受理|接到)(?:过)?(?:任何)?(?:政府信息公开申请|依申请公开(?:申请|事项)?)(?=[，,。；;]|$)/gu;

/** A sentence that names none of these states no figure the tables hold (cheap pre-filter). */
const MENTIONS_TABLE_FIGURE = /申请|依申请公开|行政复议|行政诉讼|规范性文件|规章/;

const ABOUT_DISCLOSURE = /信息公开|依申请/;
const REVIEW_QUANTITIES: ReadonlySet<Quantity> = new Set(['reconsideration', 'litigation']);

/** Words that make a clause about someone else's work, a part of the whole, or another year. */
const NOT_THE_WHOLE =
  /协|其中|转|代为|帮助|配合|指导|同比|较|去年|上年|上一年|前年|累计|历年|以来|分别|平均/;

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 「9」「十二」「一百零五」 → number; null when not a plain count. */
export function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in DIGITS) current = DIGITS[ch] ?? 0;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return null;
  }
  return total + current;
}

function clauseBefore(sentence: string, index: number): string {
  const before = sentence.slice(0, index);
  const parts = before.split(/[，,：:]/);
  const last = parts.at(-1) ?? '';
  const previous = parts.length > 1 ? (parts.at(-2) ?? '') : '';
  // 「其中，新收…」: the qualifier sits in its own clause just before.
  return /其中\s*$/.test(previous) ? `其中${last}` : last;
}

export function extractClaims(report: AnnualReport): Claim[] {
  const claims: Claim[] = [];
  for (const section of report.sections) {
    // Text extracted from PDF or Word breaks lines mid-sentence and spaces out figures
    // (「申请 21 件」); Chinese prose needs no whitespace, so it is dropped before reading.
    for (const sentence of section.text.replace(/\s+/g, '').split(/[。；;！？!?]/)) {
      if (!MENTIONS_TABLE_FIGURE.test(sentence)) continue;
      const add = (claim: Omit<Claim, 'section' | 'quote'>) =>
        claims.push({ ...claim, section: section.key, quote: sentence.trim().slice(0, 60) });
      // 行政复议/行政诉讼 figures count only when they are about disclosure: an agency that is
      // itself a 复议机关 reports the cases it decides, which table 四 does not hold.
      const aboutDisclosure = section.key === 'review' || ABOUT_DISCLOSURE.test(sentence);
      for (const p of PATTERNS) {
        if (REVIEW_QUANTITIES.has(p.quantity) && !aboutDisclosure) continue;
        for (const m of sentence.matchAll(p.re)) {
          if (NOT_THE_WHOLE.test(clauseBefore(sentence, m.index))) continue;
          const value = parseCount(m[1] ?? '');
          if (value !== null)
            add({ quantity: p.quantity, value, ...(p.row ? { row: p.row } : {}) });
        }
      }
      for (const m of aboutDisclosure ? sentence.matchAll(NONE_RE) : []) {
        if (/纠|败诉|撤销|确认违法|被诉/.test(m[1] ?? '')) continue;
        const what = m[2] ?? '';
        if (what.startsWith('行政复议')) add({ quantity: 'reconsideration', value: 0 });
        if (what.endsWith('行政诉讼')) add({ quantity: 'litigation', value: 0 });
      }
      for (const _ of sentence.matchAll(NO_REQUESTS_RE)) add({ quantity: 'received', value: 0 });
    }
  }
  return claims;
}

interface TableFigure {
  /** Every value a clear statement of this quantity may truthfully give. */
  accepted: number[];
  /** The value named in the finding, and where it is. */
  shown: number;
  table: 'requests' | 'review' | 'proactive';
  row: string | null;
  column: string | null;
  where: string;
}

function sumColumns(grid: Grid, row: string, columns: readonly string[]): number | undefined {
  let sum = 0;
  for (const c of columns) {
    const v = numeric(cell(grid, row, c));
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

function figureFor(report: AnnualReport, claim: Claim): TableFigure | null {
  const format = formatOf(report);
  const requests = report.tables.requests ?? {};
  const review = report.tables.review ?? {};
  const applicantKeys = format.requests.columns
    .filter((c) => c.key !== REQUESTS.totalColumn)
    .map((c) => c.key);
  const readings = (row: string) =>
    [
      numeric(cell(requests, row, REQUESTS.totalColumn)),
      sumColumns(requests, row, applicantKeys),
    ].filter((v): v is number => v !== undefined);
  const totalLabel = columnLabel(format, 'requests', null, REQUESTS.totalColumn);
  const requestsAt = (row: string) =>
    `${tableName(format, 'requests')}“${rowLabel(format, 'requests', row)}”行“${totalLabel}”列`;
  const plus = (a: number[], b: number[]) => a.flatMap((x) => b.map((y) => x + y));

  switch (claim.quantity) {
    case 'received':
    case 'handled': {
      const received = readings(REQUESTS.received);
      const carriedIn = readings(REQUESTS.carriedIn);
      const outcome = readings(REQUESTS.outcomeTotal);
      const carriedOut = readings(REQUESTS.carriedOut);
      const row = claim.quantity === 'received' ? REQUESTS.received : REQUESTS.outcomeTotal;
      const primary = claim.quantity === 'received' ? received : outcome;
      if (primary.length === 0) return null;
      const accepted =
        claim.quantity === 'received'
          ? [...received, ...plus(received, carriedIn)]
          : [...outcome, ...plus(outcome, carriedOut), ...received, ...plus(received, carriedIn)];
      return {
        accepted,
        shown: primary[0] as number,
        table: 'requests',
        row,
        column: REQUESTS.totalColumn,
        where: requestsAt(row),
      };
    }
    case 'reconsideration':
    case 'litigation': {
      const groups = format.review.groups.filter((g) =>
        claim.quantity === 'reconsideration'
          ? g.key === 'reconsideration'
          : g.key !== 'reconsideration',
      );
      const partKeys = format.review.columns
        .filter((c) => c.key !== REVIEW_TOTAL)
        .map((c) => c.key);
      let printed = 0;
      let computed = 0;
      for (const g of groups) {
        const t = numeric(cell(review, g.key, REVIEW_TOTAL));
        const s = sumColumns(review, g.key, partKeys);
        if (t === undefined || s === undefined) return null;
        printed += t;
        computed += s;
      }
      const name = groups.map((g) => rowLabel(format, 'review', g.key)).join('与');
      return {
        accepted: [printed, computed],
        shown: printed,
        table: 'review',
        row: groups.length === 1 ? (groups[0]?.key ?? null) : null,
        column: REVIEW_TOTAL,
        where: `${tableName(format, 'review')}“${name}”的总计`,
      };
    }
    default: {
      const row = claim.row ?? '';
      const column =
        claim.quantity === 'issued'
          ? STOCK.issued
          : claim.quantity === 'repealed'
            ? STOCK.repealed
            : STOCK.inForce;
      const block = format.proactive.blocks.find((b) => b.rows.some((r) => r.key === row));
      if (!block?.columns.some((c) => c.key === column)) return null;
      const v = numeric(cell(report.tables.proactive ?? {}, row, column));
      if (v === undefined) return null;
      return {
        accepted: [v],
        shown: v,
        table: 'proactive',
        row,
        column,
        where: `${tableName(format, 'proactive')}“${block.rows.find((r) => r.key === row)?.label ?? row}”行“${columnLabel(format, 'proactive', row, column)}”列`,
      };
    }
  }
}

export function checkNarrative(report: AnnualReport): Finding[] {
  if (!(report.format in FORMATS)) return [];
  const format = formatOf(report);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const claim of extractClaims(report)) {
    const figure = figureFor(report, claim);
    if (!figure || figure.accepted.includes(claim.value)) continue;
    const key = `${claim.section}|${claim.quantity}|${claim.row ?? ''}|${claim.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({
      code: 'NARRATIVE_MISMATCH',
      severity: 'warning',
      table: figure.table,
      row: figure.row,
      column: figure.column,
      section: claim.section,
      expected: figure.shown,
      actual: claim.value,
      message: `${sectionName(format, claim.section)}中“${claim.quote}”所述数字为${num(claim.value)}，与${figure.where}的${num(figure.shown)}不符`,
    });
  }
  return findings;
}

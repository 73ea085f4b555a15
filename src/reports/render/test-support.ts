// Reports for the renderer tests (a filled-in sample and an all-zero report, both built
// by walking the format definition) and a reader of HTML tables as a grid. Random balanced
// reports come from the checks' generator (src/reports/checks/fixtures/balanced-report.ts).
import { FORMATS, type FormatId, type ReportFormat } from '../format/index.js';
import type { AnnualReport, Grid } from '../model.js';
import { HTMLElement } from 'node-html-parser';

const TOP_LEVEL = /^[一二三四五六七八九十]+、$/;

/** A report with every section present and every cell 0. */
export function zeroReport(
  formatId: FormatId = '2021',
  year = formatId === '2021' ? 2023 : 2020,
): AnnualReport {
  const format = FORMATS[formatId];
  const proactive: Grid = {};
  for (const block of format.proactive.blocks)
    for (const row of block.rows)
      proactive[row.key] = Object.fromEntries(block.columns.map((c) => [c.key, 0]));
  const requests: Grid = {};
  for (const row of format.requests.rows)
    requests[row.key] = Object.fromEntries(format.requests.columns.map((c) => [c.key, 0]));
  const review: Grid = {};
  for (const g of format.review.groups)
    review[g.key] = Object.fromEntries(format.review.columns.map((c) => [c.key, 0]));
  return {
    agency: '示例市示例区人民政府办公室',
    year,
    format: formatId,
    publishedOn: `${year + 1}-01-20`,
    sections: format.sections.map((s) => ({
      key: s.key,
      heading: `${s.numeral}、${s.title}`,
      text: s.key === 'overview' ? '（一）主动公开\n本年度主动公开政府信息120条。' : '',
    })),
    tables: { proactive, requests, review },
  };
}

interface RequestsShape {
  applicantKeys: string[];
  totalKey: string;
  outcomeKeys: readonly string[];
  outcomeTotalKey: string;
  receivedKey: string;
  carriedInKey: string;
  carriedOutKey: string;
}

function requestsShape(format: ReportFormat): RequestsShape {
  const cols = format.requests.columns.map((c) => c.key);
  const top = format.requests.rows.filter((r) => TOP_LEVEL.test(r.number)).map((r) => r.key);
  const outcomeTotal = format.requests.rows.find(
    (r) => !TOP_LEVEL.test(r.number) && !format.requests.outcomeRowKeys.includes(r.key),
  );
  return {
    applicantKeys: cols.slice(0, -1),
    totalKey: cols[cols.length - 1]!,
    outcomeKeys: format.requests.outcomeRowKeys,
    outcomeTotalKey: outcomeTotal!.key,
    receivedKey: top[0]!,
    carriedInKey: top[1]!,
    carriedOutKey: top[2]!,
  };
}

/**
 * Fills table 三 so that it balances: per applicant column the outcomes, the carry-out and
 * the carry-in are given; received is what makes 一+二 = 三+四; the total column sums.
 */
export function balanceRequests(
  format: ReportFormat,
  perColumn: { outcomes: number[]; carriedIn: number; carriedOut: number }[],
): Grid {
  const s = requestsShape(format);
  const grid: Grid = {};
  for (const row of format.requests.rows) grid[row.key] = {};
  s.applicantKeys.forEach((col, i) => {
    const p = perColumn[i]!;
    const outcomeTotal = p.outcomes.reduce((a, b) => a + b, 0);
    s.outcomeKeys.forEach((row, k) => (grid[row]![col] = p.outcomes[k] ?? 0));
    grid[s.outcomeTotalKey]![col] = outcomeTotal;
    grid[s.carriedOutKey]![col] = p.carriedOut;
    const carriedIn = Math.min(p.carriedIn, outcomeTotal + p.carriedOut);
    grid[s.carriedInKey]![col] = carriedIn;
    grid[s.receivedKey]![col] = outcomeTotal + p.carriedOut - carriedIn;
  });
  for (const row of format.requests.rows) {
    grid[row.key]![s.totalKey] = s.applicantKeys.reduce(
      (a, c) => a + (grid[row.key]![c] as number),
      0,
    );
  }
  return grid;
}

/** A realistic balanced 2021-format report: a 街道 with nine requests. */
export function sampleReport(): AnnualReport {
  const base = zeroReport('2021', 2021);
  const format = FORMATS['2021'];
  const n = format.requests.outcomeRowKeys.length;
  const outcomes = (pairs: Record<number, number>) =>
    Array.from({ length: n }, (_, i) => pairs[i] ?? 0);
  base.tables.requests = balanceRequests(format, [
    { outcomes: outcomes({ 0: 3, 1: 1, 10: 4 }), carriedIn: 1, carriedOut: 1 },
    { outcomes: outcomes({ 0: 1 }), carriedIn: 0, carriedOut: 0 },
    { outcomes: outcomes({}), carriedIn: 0, carriedOut: 0 },
    { outcomes: outcomes({}), carriedIn: 0, carriedOut: 0 },
    { outcomes: outcomes({}), carriedIn: 0, carriedOut: 0 },
    { outcomes: outcomes({ 13: 1 }), carriedIn: 0, carriedOut: 0 },
  ]);
  base.tables.proactive.normative_documents = { issued: 2, repealed: 1, in_force: 14 };
  base.tables.proactive.licensing = { decisions: 35 };
  base.tables.proactive.penalty = { decisions: 12 };
  base.tables.proactive.fees = { amount_wan_yuan: 1.25 };
  base.tables.review.reconsideration = { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 };
  base.agency = '青岛市黄岛区灵山卫街道办事处';
  base.sections = base.sections.map((s) => ({
    ...s,
    text:
      s.key === 'overview'
        ? '2021年以来，街道认真贯彻落实上级加强政务公开文件精神，确保政府信息的全面性、及时性、准确性。\n（一）主动公开工作\n2021年街道通过网站、微信等平台主动公开政府信息1351条。'
        : s.key === 'problems'
          ? '一是公开内容还不够全面；二是解读形式较为单一。下一步将加强培训，丰富解读形式。'
          : s.key === 'other'
            ? '本年度未收取信息处理费。'
            : '',
  }));
  return base;
}

/**
 * An HTML table as the grid a reader sees: every merged cell repeated in each position it
 * covers. Throws when rows do not all come out the same width (a broken merge).
 */
export function tableGrid(table: HTMLElement): string[][] {
  const grid: string[][] = [];
  const rows = table.querySelectorAll('tr');
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of tr.childNodes) {
      if (!(cell instanceof HTMLElement) || !['TD', 'TH'].includes(cell.tagName)) continue;
      while (grid[r]![c] !== undefined) c++;
      const colspan = Number(cell.getAttribute('colspan') ?? 1);
      const rowspan = Number(cell.getAttribute('rowspan') ?? 1);
      for (let dr = 0; dr < rowspan; dr++)
        for (let dc = 0; dc < colspan; dc++) (grid[r + dr] ??= [])[c + dc] = cell.text.trim();
      c += colspan;
    }
  });
  const widths = new Set(grid.map((row) => row.length));
  if (widths.size !== 1 || grid.some((row) => row.includes(undefined as unknown as string)))
    throw new Error(`ragged table: row widths ${[...widths].join(', ')}`);
  return grid;
}

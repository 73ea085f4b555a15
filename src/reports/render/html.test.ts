import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type HTMLElement } from 'node-html-parser';
import { FORMATS } from '../format/index.js';
import type { Finding } from '../model.js';
import { renderReport, renderTablesHtml } from './index.js';
import { sampleReport, tableGrid, zeroReport } from './test-support.js';
import { aFinding } from '../../../test/support/findings.js';

async function documentOf(report = sampleReport()) {
  return parse(await renderReport(report, 'html'));
}

function table(root: HTMLElement, key: string): HTMLElement {
  const t = root.querySelector(`#table-${key}`);
  assert.ok(t, `table ${key} rendered`);
  return t;
}

function th(t: HTMLElement, text: string): HTMLElement {
  const cell = t.querySelectorAll('th').find((c) => c.text.trim() === text);
  assert.ok(cell, `header 「${text}」 present`);
  return cell;
}

const finding = (f: Partial<Finding>): Finding => aFinding({ message: '表三有误', ...f });

describe('HTML document', () => {
  it('prints the six sections with their official headings, in order, and the title', async () => {
    const root = await documentOf();
    assert.deepEqual(
      root.querySelectorAll('h2').map((h) => h.text),
      FORMATS['2021'].sections.map((s) => `${s.numeral}、${s.title}`),
    );
    assert.equal(
      root.querySelector('h1')?.text,
      '青岛市黄岛区灵山卫街道办事处2021年政府信息公开工作年度报告',
    );
    assert.equal(root.querySelector('html')?.getAttribute('lang'), 'zh-CN');
    assert.match(root.querySelector('.signature')?.text ?? '', /灵山卫街道办事处\s*2022年1月20日/);
  });

  it('corrects a mis-numbered heading and leaves out a section the report lacks', async () => {
    const report = sampleReport();
    report.sections = report.sections.map((s) =>
      s.key === 'requests'
        ? { ...s, heading: '3、 收到和处理政府信息公开申请情况' }
        : s.key === 'other'
          ? { ...s, heading: null, text: '' }
          : s,
    );
    const root = await documentOf(report);
    const headings = root.querySelectorAll('h2').map((h) => h.text);
    assert.ok(headings.includes('三、收到和处理政府信息公开申请情况'));
    assert.ok(!headings.some((h) => h.startsWith('六')));
    assert.equal(headings.length, 5);
  });

  it('sets the prose as paragraphs, with （一） lines as sub-headings', async () => {
    const root = await documentOf();
    const paragraphs = root.querySelectorAll('section p');
    const sub = paragraphs.find((p) => p.text === '（一）主动公开工作');
    assert.equal(sub?.getAttribute('class'), 'subheading');
    assert.ok(
      paragraphs.some(
        (p) => p.text.startsWith('2021年街道通过网站') && p.getAttribute('class') === undefined,
      ),
    );
  });

  it('escapes text from the report', async () => {
    const report = sampleReport();
    report.agency = '<script>alert(1)</script>';
    report.sections[4]!.text = '<img src=x onerror=alert(1)>';
    const html = await renderReport(report, 'html');
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('&lt;script&gt;'));
  });

  it('links a stylesheet instead of inline CSS when asked, and marks cells when given findings', async () => {
    const html = await renderReport(sampleReport(), 'html', {
      stylesheetHref: '/static/report.css',
      marked: [
        finding({ code: 'T4_SUM', table: 'review', row: 'reconsideration', column: 'total' }),
      ],
    });
    const root = parse(html);
    assert.equal(root.querySelectorAll('style').length, 0);
    assert.equal(
      root.querySelector('link[rel="stylesheet"]')?.getAttribute('href'),
      '/static/report.css',
    );
    assert.equal(root.querySelectorAll('td.cell-marked').length, 1);
  });

  it('has print CSS for A4 with the GB/T 9704 margins and official fonts first, Noto as fallback', async () => {
    const css = (await documentOf()).querySelector('style')?.text ?? '';
    assert.match(css, /@page\s*\{\s*size:\s*A4;\s*margin:\s*37mm 26mm 35mm 28mm;/);
    assert.match(
      css,
      /\.report h1 \{ font-family: "方正小标宋简体"[^;]*"Noto Serif CJK SC"[^;]*; font-size: 22pt;/,
    );
    assert.match(
      css,
      /\.report \{[^}]*font-family: "仿宋_GB2312"[^;]*"Noto Serif CJK SC"[^;]*; font-size: 16pt;/,
    );
  });
});

describe('table 三 in the official layout', () => {
  it('merges the header cells as the national format does', async () => {
    const t = table(await documentOf(), 'requests');
    const note = th(t, `（${FORMATS['2021'].requests.note}）`);
    assert.equal(note.getAttribute('colspan'), '3');
    assert.equal(note.getAttribute('rowspan'), '3');
    assert.equal(th(t, '申请人情况').getAttribute('colspan'), '7');
    assert.equal(th(t, '法人或其他组织').getAttribute('colspan'), '5');
    assert.equal(th(t, '自然人').getAttribute('rowspan'), '2');
    assert.equal(th(t, '总计').getAttribute('rowspan'), '2');
    assert.equal(th(t, '三、本年度办理结果').getAttribute('rowspan'), '22');
    assert.equal(th(t, '（三）不予公开').getAttribute('rowspan'), '8');
    assert.equal(th(t, '（四）无法提供').getAttribute('rowspan'), '3');
    assert.equal(th(t, '（五）不予处理').getAttribute('rowspan'), '5');
    assert.equal(th(t, '（六）其他处理').getAttribute('rowspan'), '3');
    assert.equal(th(t, '（七）总计').getAttribute('colspan'), '2');
    assert.equal(th(t, '四、结转下年度继续办理').getAttribute('colspan'), '3');
    assert.match(t.querySelector('caption')?.text ?? '', /收到和处理政府信息公开申请情况/);
  });

  it('puts every value where the format says, in a grid ten columns wide', async () => {
    const report = sampleReport();
    const t = table(await documentOf(report), 'requests');
    const grid = tableGrid(t);
    assert.equal(grid[0]!.length, 10);
    const def = FORMATS['2021'].requests;
    def.rows.forEach((row, r) => {
      const cells = grid[3 + r]!.slice(3);
      assert.deepEqual(
        cells,
        def.columns.map((c) => String(report.tables.requests[row.key]![c.key])),
        `row ${row.key}`,
      );
      assert.ok(grid[3 + r]![2]!.endsWith(row.label), `row ${row.key} labelled`);
    });
  });

  it('prints the 2019 （六）其他处理 as one row across both label columns', async () => {
    const t = table(await documentOf(zeroReport('2019')), 'requests');
    const other = th(t, '（六）其他处理');
    assert.equal(other.getAttribute('colspan'), '2');
    assert.equal(other.getAttribute('rowspan'), undefined);
    assert.equal(th(t, '三、本年度办理结果').getAttribute('rowspan'), '20');
    assert.equal(tableGrid(t).length, 3 + FORMATS['2019'].requests.rows.length);
  });

  it('names the headers of every data cell, and every named header exists', async () => {
    const t = table(await documentOf(), 'requests');
    const ids = new Set(
      t
        .querySelectorAll('th')
        .map((h) => h.id)
        .filter(Boolean),
    );
    const cells = t.querySelectorAll('td');
    assert.equal(cells.length, 25 * 7);
    for (const td of cells) {
      const headers = (td.getAttribute('headers') ?? '').split(' ').filter(Boolean);
      assert.ok(headers.length >= 3);
      for (const h of headers) assert.ok(ids.has(h), `header id ${h} exists`);
    }
    const secret = cells.find((td) =>
      (td.getAttribute('headers') ?? '').includes('t3-r-withheld.state_secret'),
    );
    assert.deepEqual(secret?.getAttribute('headers')?.split(' '), [
      't3-outcomes',
      't3-g-withheld',
      't3-r-withheld.state_secret',
      't3-applicants',
      't3-c-natural_person',
    ]);
  });
});

describe('tables 二 and 四 in the official layout', () => {
  it('table 二 has its four blocks with their 第二十条 header rows and the fee as printed', async () => {
    const report = sampleReport();
    const t = table(await documentOf(report), 'proactive');
    const grid = tableGrid(t);
    assert.equal(grid[0]!.length, 4);
    const blockRows = grid.filter(
      (row) => new Set(row).size === 1 && row[0]!.startsWith('第二十条'),
    );
    assert.deepEqual(
      blockRows.map((r) => r[0]),
      FORMATS['2021'].proactive.blocks.map((b) => b.heading),
    );
    assert.deepEqual(
      grid.find((r) => r[0] === '行政事业性收费'),
      ['行政事业性收费', '1.25', '1.25', '1.25'],
    );
    assert.deepEqual(
      grid.find((r) => r[0] === '行政规范性文件'),
      ['行政规范性文件', '2', '1', '14'],
    );
    assert.equal(th(t, '第二十条第（一）项').getAttribute('colspan'), '4');
  });

  it('table 二 of the 2019 format has its fifth block, 第二十条第（九）项', async () => {
    const grid = tableGrid(table(await documentOf(zeroReport('2019')), 'proactive'));
    assert.ok(grid.some((r) => r[0] === '第二十条第（九）项'));
    assert.ok(grid.some((r) => r[0] === '政府集中采购'));
  });

  it('table 四 has 行政复议 over two rows and 行政诉讼 split into its two kinds', async () => {
    const report = sampleReport();
    const t = table(await documentOf(report), 'review');
    const reconsideration = th(t, '行政复议');
    assert.equal(reconsideration.getAttribute('colspan'), '5');
    assert.equal(reconsideration.getAttribute('rowspan'), '2');
    assert.equal(th(t, '行政诉讼').getAttribute('colspan'), '10');
    assert.equal(th(t, '未经复议直接起诉').getAttribute('colspan'), '5');
    assert.equal(th(t, '复议后起诉').getAttribute('colspan'), '5');
    const grid = tableGrid(t);
    assert.equal(grid.length, 4);
    assert.deepEqual(grid[3], [
      '1',
      '1',
      '0',
      '0',
      '2',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0',
    ]);
    assert.deepEqual(
      grid[2]!.slice(0, 5),
      FORMATS['2021'].review.columns.map((c) => c.label),
    );
  });

  it('prints an empty cell as empty and an invalid one as its text', async () => {
    const report = sampleReport();
    report.tables.review.reconsideration!.upheld = null;
    report.tables.review.reconsideration!.other = '—';
    const grid = tableGrid(table(await documentOf(report), 'review'));
    assert.equal(grid[3]![0], '');
    assert.equal(grid[3]![2], '—');
  });
});

/** What a sighted reader sees of an element: its text without the visually hidden words. */
function seen(el: HTMLElement): string {
  const copy = parse(el.outerHTML);
  for (const h of copy.querySelectorAll('.visually-hidden')) h.remove();
  return copy.text.replace(/\s+/g, '');
}

/** What a screen reader reads of an element: its text without what is hidden from it. */
function heard(el: HTMLElement): string {
  const copy = parse(el.outerHTML);
  for (const h of copy.querySelectorAll('[aria-hidden="true"]')) h.remove();
  return copy.text.replace(/\s+/g, '');
}

describe('renderTablesHtml (console fragment)', () => {
  async function fragment(marked: Finding[], idPrefix = 'r1-', linked = false) {
    return parse(await renderTablesHtml(sampleReport(), { marked, idPrefix, linked }).toString());
  }

  it('marks the one cell a finding names, its number on screen and read out, not colour alone', async () => {
    const root = await fragment([
      finding({ code: 'T3_TOTAL_COLUMN', row: 'received', column: 'total' }),
    ]);
    const marked = root.querySelectorAll('td.cell-marked');
    assert.equal(marked.length, 1);
    assert.equal(marked[0]!.getAttribute('class'), 'cell-marked cell-error');
    assert.match(marked[0]!.getAttribute('headers') ?? '', /r1-t3-r-received .*r1-t3-c-total/);
    const mark = marked[0]!.querySelector('.mark-numbers')!;
    assert.equal(seen(mark), '✗1');
    assert.equal(heard(mark), '（此格有错误，见第1条）');
    assert.equal(marked[0]!.querySelector('.mark-sign')?.getAttribute('aria-hidden'), 'true');
    // Without `linked` the numbers are text, and the cell has no id to link to.
    assert.equal(mark.querySelectorAll('a').length, 0);
    assert.equal(marked[0]!.id, '');
  });

  it('linked: each number links to its finding and the cell has the id the finding links to', async () => {
    const root = await fragment(
      [
        finding({ code: 'T3_TOTAL_COLUMN', row: 'received', column: 'total' }),
        finding({ code: 'T3_BALANCE', column: 'total' }),
      ],
      'r1-',
      true,
    );
    const cell = root.getElementById('r1-cell-requests-received-total');
    assert.ok(cell, 'the marked cell has its id');
    assert.deepEqual(
      cell.querySelectorAll('.mark-numbers a').map((a) => [a.text, a.getAttribute('href')]),
      [
        ['1', '#r1-finding-1'],
        ['2', '#r1-finding-2'],
      ],
    );
    assert.equal(seen(cell.querySelector('.mark-numbers')!), '✗1、2');
    // A cell only the balance concerns cites only it.
    const carried = root.getElementById('r1-cell-requests-carried_in-total');
    assert.equal(seen(carried!.querySelector('.mark-numbers')!), '✗2');
  });

  it('for a balance finding on a column marks only the four cells of the balance', async () => {
    const root = await fragment([finding({ code: 'T3_BALANCE', column: 'natural_person' })]);
    const rows = root
      .querySelectorAll('td.cell-marked')
      .map((td) => /t3-r-(\S+)/.exec(td.getAttribute('headers') ?? '')?.[1]);
    assert.deepEqual(rows, ['received', 'carried_in', 'outcome_total', 'carried_out']);
  });

  it('marks a whole table-四 group, keeps the worst severity and cites every finding', async () => {
    const root = await fragment([
      finding({ code: 'T4_SUM', severity: 'warning', table: 'review', row: 'reconsideration' }),
      finding({ code: 'T4_SUM', table: 'review', row: 'reconsideration', column: 'total' }),
    ]);
    const marked = root.querySelectorAll('#r1-table-review td.cell-marked');
    assert.equal(marked.length, 5);
    const total = marked[4]!;
    assert.equal(total.getAttribute('class'), 'cell-marked cell-error');
    assert.equal(heard(total.querySelector('.mark-numbers')!), '（此格有错误，见第1、2条）');
    assert.equal(seen(total.querySelector('.mark-numbers')!), '✗1、2');
    assert.equal(marked[0]!.getAttribute('class'), 'cell-marked cell-warning');
    assert.equal(seen(marked[0]!.querySelector('.mark-numbers')!), '!1');
  });

  it('a reading note marks its cells as a note, apart from a problem on the same cell', async () => {
    const root = await fragment([
      finding({ code: 'CELL_EMPTY', severity: 'warning', row: 'other.other', column: 'total' }),
      finding({ code: 'CELL_AMBIGUOUS', severity: 'warning', row: 'other.other' }),
    ]);
    const marked = root.querySelectorAll('#r1-table-requests td.cell-marked');
    assert.equal(marked.length, 7, 'the note shades its row only');
    const notes = marked.slice(0, 6);
    assert.ok(notes.every((td) => td.getAttribute('class') === 'cell-marked cell-note'));
    assert.equal(seen(notes[0]!.querySelector('.mark-numbers')!), '?2');
    assert.equal(heard(notes[0]!.querySelector('.mark-numbers')!), '（此格有读取说明，见第2条）');
    const total = marked[6]!;
    assert.equal(total.getAttribute('class'), 'cell-marked cell-warning');
    assert.equal(seen(total.querySelector('.mark-numbers')!), '!1?2');
    assert.equal(
      heard(total.querySelector('.mark-numbers')!),
      '（此格有提示，见第1条）（读取说明见第2条）',
    );
  });

  it('marks nothing for findings about a section, and prefixes every id', async () => {
    const root = await fragment(
      [finding({ code: 'SECTION_MISSING', table: null, section: 'other' })],
      'x-',
    );
    assert.equal(root.querySelectorAll('.cell-marked').length, 0);
    const ids = root.querySelectorAll('[id]').map((e) => e.id);
    assert.ok(ids.length > 50);
    assert.ok(ids.every((id) => id.startsWith('x-')));
    assert.equal(root.querySelectorAll('caption').length, 3);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { FORMATS } from '../format/index.js';
import { renderReport } from './index.js';
import { sampleReport, tableGrid, zeroReport } from './test-support.js';

async function documentXml(report = sampleReport()): Promise<string> {
  const bytes = await renderReport(report, 'docx');
  return strFromU8(unzipSync(bytes)['word/document.xml']!);
}

async function asHtml(report = sampleReport()) {
  const bytes = await renderReport(report, 'docx');
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return parse(value);
}

describe('.docx renderer', () => {
  it('produces a Word package (zip) with the document part', async () => {
    const bytes = await renderReport(sampleReport(), 'docx');
    assert.ok(bytes instanceof Uint8Array);
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b]);
    const parts = Object.keys(unzipSync(bytes));
    assert.ok(parts.includes('word/document.xml'));
    assert.ok(parts.includes('word/styles.xml'));
  });

  it('numbers the pages in 公文 style, 「— 1 —」 centred in the footer', async () => {
    const parts = unzipSync(await renderReport(sampleReport(), 'docx'));
    const footerName = Object.keys(parts).find((p) => /^word\/footer\d*\.xml$/.test(p));
    assert.ok(footerName, 'a footer part');
    const footer = strFromU8(parts[footerName]!);
    assert.match(footer, /<w:jc w:val="center"\/>/);
    assert.match(footer, /— <\/w:t>.*PAGE.*<w:t[^>]*> —/s);
    assert.match(strFromU8(parts['word/document.xml']!), /<w:footerReference w:type="default"/);
  });

  it('lays out A4 with the GB/T 9704 margins', async () => {
    const xml = await documentXml();
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^/]*)\/>/.exec(xml)?.[1] ?? '';
    // 37mm, 26mm, 35mm, 28mm in twips (1 inch = 25.4mm = 1440 twips, rounded).
    assert.match(margins, /w:top="2098"/);
    assert.match(margins, /w:right="1474"/);
    assert.match(margins, /w:bottom="1984"/);
    assert.match(margins, /w:left="1587"/);
  });

  it('names the East-Asian fonts: 方正小标宋简体 22pt for the title, 仿宋_GB2312 16pt for the body', async () => {
    const xml = await documentXml();
    assert.match(xml, /w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    assert.match(xml, /w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
    assert.match(xml, /w:eastAsia="黑体"/);
  });

  it('merges the cells of table 三 as the national format does', async () => {
    const xml = await documentXml();
    assert.match(xml, /<w:gridSpan w:val="7"\/>/);
    assert.match(xml, /<w:gridSpan w:val="5"\/>/);
    assert.ok((xml.match(/<w:vMerge w:val="restart"\/>/g) ?? []).length >= 6);
    const root = await asHtml();
    const requests = root.querySelectorAll('table')[1]!;
    const headers = requests.querySelectorAll('th, td');
    const cell = (text: string) => headers.find((c) => c.text.trim() === text);
    assert.equal(cell('三、本年度办理结果')?.getAttribute('rowspan'), '22');
    assert.equal(cell('（三）不予公开')?.getAttribute('rowspan'), '8');
    assert.equal(cell('法人或其他组织')?.getAttribute('colspan'), '5');
    assert.equal(cell('申请人情况')?.getAttribute('colspan'), '7');
  });

  it('prints every value of the three tables in the right place', async () => {
    const report = sampleReport();
    const tables = (await asHtml(report)).querySelectorAll('table');
    assert.equal(tables.length, 3);
    const requests = tableGrid(tables[1]!);
    FORMATS['2021'].requests.rows.forEach((row, r) => {
      assert.deepEqual(
        requests[3 + r]!.slice(3),
        FORMATS['2021'].requests.columns.map((c) =>
          String(report.tables.requests[row.key]![c.key]),
        ),
      );
    });
    const review = tableGrid(tables[2]!);
    assert.deepEqual(review[3]!.slice(0, 5), ['1', '1', '0', '0', '2']);
    const proactive = tableGrid(tables[0]!);
    assert.deepEqual(
      proactive.find((r) => r[0] === '行政事业性收费'),
      ['行政事业性收费', '1.25', '1.25', '1.25'],
    );
  });

  it('marks the title and section headings as headings', async () => {
    const root = await asHtml(zeroReport('2019', 2020));
    assert.equal(
      root.querySelector('h1')?.text,
      '示例市示例区人民政府办公室2020年政府信息公开工作年度报告',
    );
    assert.deepEqual(
      root.querySelectorAll('h2').map((h) => h.text),
      FORMATS['2019'].sections.map((s) => `${s.numeral}、${s.title}`),
    );
  });
});

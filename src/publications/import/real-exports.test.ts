// The import on real files others wrote (test/fixtures/catalogue/real/, sources in its
// README): crawls of two Hebei portals' 政府信息公开 lists. They hold real rows but no 索引号
// and no 发布机构, so the file is refused as a whole unless numbering by the platform is asked
// for (decision 0024) — the figures here are what a user sees:
// every record read (bodies of several hundred lines inside quotes), the columns named that
// were found, and the message saying which columns are missing and why 序号 is not one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkRows, mapHeaders, parseLooseDate } from './catalogue-rows.js';
import { readCatalogueFile } from './read-catalogue-file.js';

const real = (name: string) =>
  new Uint8Array(
    readFileSync(join(import.meta.dirname, '../../../test/fixtures/catalogue/real', name)),
  );

test('河北省人民政府 省政府办公厅文件 crawl: 40 records of 6 cells, refused for 索引号 and 发布机构', async () => {
  const file = await readCatalogueFile(real('hebei-szf-bgtwj-excerpt.csv'), 'x.csv');
  assert.ok(file.ok);
  if (!file.ok) return;
  assert.equal(file.encoding, 'UTF-8');
  assert.equal(file.rows.length, 41);
  assert.ok(file.rows.every((r) => r.length === 6));
  // Hand-checked against the crawl: row 2 and the last row, date as the crawler left it.
  assert.deepEqual(file.rows[1]?.slice(0, 4), [
    '1',
    '河北省人民政府办公厅关于印发河北省自然灾害救助应急预案的通知',
    ' 2024-08-01',
    '有效',
  ]);
  assert.equal(file.rows[1]?.[5], '其他');
  assert.equal(file.rows[40]?.[0], '40');
  const dates = file.rows.slice(1).map((r) => parseLooseDate(r[2] ?? '', '发布日期'));
  assert.ok(dates.every((d) => d.ok));
  assert.deepEqual(dates[0], { ok: true, date: '2024-08-01' });
  const header = mapHeaders(file.rows[0] ?? []);
  assert.equal(header.ok, false);
  const error = header.ok ? '' : header.error;
  assert.match(error, /缺少以下列：索引号、发布机构。/);
  assert.match(error, /文件中未识别的列：序号。/);
  assert.match(error, /请从原网站的政府信息公开目录导出带索引号的文件；/);
  assert.match(error, /可勾选「文件中没有索引号的，由本平台按本机关的前段码依次编号」/);
  assert.match(error, /（命令行加 --issue-index-numbers）/);
  assert.match(error, /（「序号」只是行的编号，不是索引号）$/);
  // Asked for, the same file reads: no column is missing, every row is an item to number.
  const asked = mapHeaders(file.rows[0] ?? [], { issueIndexNumbers: true });
  assert.ok(asked.ok);
  if (!asked.ok) return;
  const rows = checkRows(file.rows.slice(1), asked.map, {
    issueIndexNumbers: true,
    agencyName: '河北省人民政府办公厅',
  });
  assert.deepEqual([rows.items.length, rows.rejected.length], [40, 0]);
  assert.deepEqual(
    [rows.items[0]?.indexNumber, rows.items[0]?.issuer, rows.items[0]?.issuerFilled],
    [null, '河北省人民政府办公厅', true],
  );
  // 发文日期 is 成文日期 here; with no 发布日期 column it is the publication date too.
  assert.deepEqual(
    [rows.items[0]?.writtenOn, rows.items[0]?.publishedOn],
    ['2024-08-01', '2024-08-01'],
  );
  assert.ok(rows.items.every((i) => i.validity === 'valid'));
  // Every row is marked 有效, yet only the 若干措施 and the 实施意见 are normative documents
  // by their titles (decision 0024); the plans, 应急预案 and 工作要点 go under （十五）.
  assert.deepEqual(
    rows.items.filter((i) => i.category === 'a20-1').map((i) => i.line),
    [12, 15, 23, 29, 33],
  );
});

test('河北省教育厅 政策文件 crawl: its 时间 column is the publication date', async () => {
  const file = await readCatalogueFile(real('hebei-jyt-zcwj.csv'), 'x.csv');
  assert.ok(file.ok);
  if (!file.ok) return;
  assert.equal(file.rows.length, 59);
  assert.ok(file.rows.every((r) => r.length === 8));
  assert.equal(file.rows[3]?.[0], '河北省教育厅关于做好庆祝第40个教师节有关工作的通知');
  assert.deepEqual(parseLooseDate(file.rows[1]?.[1] ?? '', '发布日期'), {
    ok: true,
    date: '2024-08-31',
  });
  const header = mapHeaders(file.rows[0] ?? []);
  const error = header.ok ? '' : header.error;
  // Before 时间 was a name of 发布日期, 成文日期 was reported missing too.
  assert.match(error, /缺少以下列：索引号、发布机构。/);
  assert.match(error, /文件中未识别的列：一级类别、来源网站、访问地址、附件链接。/);
  assert.doesNotMatch(error, /序号/);
  const named = mapHeaders(['索引号', '名称', '发布机构', ...(file.rows[0] ?? []).slice(1)]);
  assert.ok(named.ok);
  if (named.ok) assert.deepEqual([named.map.publishedOn, named.map.validity], [3, 4]);
});

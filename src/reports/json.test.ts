import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { FORMAT_2019, FORMAT_2021, tableShape } from './format/index.js';
import { balancedReport } from './checks/fixtures/balanced-report.js';
import { blankReport } from './checks/fixtures/build.js';
import { seedReport } from './checks/fixtures/seed-report.js';
import { annualReportSchemaText, SCHEMA_PATH } from './json-schema-file.js';
import { annualReportJsonSchema, formatJsonPath, reportFromJson, reportToJson } from './json.js';

const roundTrip = (value: unknown) => reportFromJson(JSON.parse(JSON.stringify(value)));

test('the seed report survives JSON text unchanged, with its empty cell as null', () => {
  const json = reportToJson(seedReport());
  assert.equal(json.tables.requests['other.other']?.total, null);
  const back = roundTrip(json);
  assert.ok(back.ok);
  assert.deepEqual(back.report, seedReport());
});

test('any balanced report survives JSON text unchanged', () => {
  fc.assert(
    fc.property(balancedReport(), (report) => {
      const back = roundTrip(reportToJson(report));
      assert.ok(back.ok, back.ok ? '' : back.error);
      assert.deepEqual(back.report, report);
    }),
    { numRuns: 100 },
  );
});

test('reportToJson writes every cell of the format, missing ones as null, in the format’s order', () => {
  const report = blankReport('2019');
  delete report.tables.requests.received;
  const json = reportToJson(report);
  assert.deepEqual(
    Object.keys(json.tables.requests),
    FORMAT_2019.requests.rows.map((r) => r.key),
  );
  assert.deepEqual(
    Object.values(json.tables.requests.received ?? {}),
    FORMAT_2019.requests.columns.map(() => null),
  );
  assert.deepEqual(Object.keys(json.tables.proactive.fees ?? {}), ['previous_items', 'change']);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, changed freely by each case
type AnyJson = any;

const wrong: { name: string; change: (j: Record<string, AnyJson>) => void; error: RegExp }[] = [
  {
    name: 'a cell that is a boolean',
    change: (j) => (j.tables.requests['unavailable.not_held'].natural_person = true),
    error: /tables\.requests\["unavailable\.not_held"\]\.natural_person：应为数字、null 或文字/,
  },
  {
    name: 'a row key not in the format',
    change: (j) => (j.tables.requests.withheld_secret = {}),
    error: /tables\.requests：有格式中不存在的项 “withheld_secret”/,
  },
  {
    name: 'a 2019 column in a 2021 report',
    change: (j) => (j.tables.proactive.rules.made = 1),
    error: /tables\.proactive\.rules：有格式中不存在的项 “made”/,
  },
  {
    name: 'a missing cell',
    change: (j) => delete j.tables.review.reconsideration.upheld,
    error: /tables\.review\.reconsideration\.upheld：缺少该项/,
  },
  {
    name: 'an unknown format',
    change: (j) => (j.format = '2018'),
    error: /format：应为 "2021" 或 "2019"/,
  },
  { name: 'a year as text', change: (j) => (j.year = '2021'), error: /year：应为数字，实际为文字/ },
  {
    name: 'an impossible date',
    change: (j) => (j.publishedOn = '2022-02-30'),
    error: /publishedOn：不是有效的日期/,
  },
  {
    name: 'a date in another notation',
    change: (j) => (j.publishedOn = '2022年1月18日'),
    error: /publishedOn：应为“YYYY-MM-DD”格式的日期/,
  },
  { name: 'five sections', change: (j) => j.sections.pop(), error: /sections：应恰好包含六个部分/ },
  {
    name: 'sections out of order',
    change: (j) => j.sections.reverse(),
    error: /sections\[0\]\.key：应为 "overview"/,
  },
];

for (const c of wrong) {
  test(`reportFromJson names the path of ${c.name}, in Chinese`, () => {
    const json = JSON.parse(JSON.stringify(reportToJson(seedReport())));
    c.change(json);
    const result = reportFromJson(json);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error, c.error);
  });
}

test('reportFromJson never throws on junk', () => {
  for (const junk of [
    null,
    undefined,
    42,
    'report',
    [],
    { format: '2021', tables: null },
    { format: '2021', sections: 'x' },
  ]) {
    const result = reportFromJson(junk);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error, /年度报告 JSON 不符合数据格式/);
  }
});

test('an optional $schema pointer is accepted and dropped', () => {
  const result = reportFromJson({
    $schema: '../schemas/annual-report.schema.json',
    ...reportToJson(seedReport()),
  });
  assert.ok(result.ok);
  assert.ok(!('$schema' in result.report));
});

test('formatJsonPath quotes keys that are not identifiers', () => {
  assert.equal(
    formatJsonPath(['tables', 'requests', 'withheld.state_secret', 'total']),
    'tables.requests["withheld.state_secret"].total',
  );
  assert.equal(formatJsonPath(['sections', 2, 'heading']), 'sections[2].heading');
  assert.equal(formatJsonPath([]), '（根）');
});

test('the JSON Schema lists exactly the format’s rows and columns, labelled', () => {
  const schema = annualReportJsonSchema() as { oneOf: { properties: Record<string, AnyJson> }[] };
  for (const [i, format] of [FORMAT_2021, FORMAT_2019].entries()) {
    const branch = schema.oneOf[i]!.properties;
    assert.equal(branch.format.const, format.id);
    for (const table of ['proactive', 'requests', 'review'] as const) {
      const rows = branch.tables.properties[table];
      const shape = tableShape(format, table);
      assert.deepEqual(
        Object.keys(rows.properties),
        shape.map((r) => r.key),
      );
      assert.deepEqual(
        rows.required,
        shape.map((r) => r.key),
      );
      assert.equal(rows.additionalProperties, false);
      for (const row of shape) {
        assert.deepEqual(
          Object.keys(rows.properties[row.key].properties),
          row.columns.map((c) => c.key),
        );
        assert.equal(rows.properties[row.key].description, row.label);
      }
    }
  }
});

test(`${SCHEMA_PATH} is up to date (regenerate: node --import tsx scripts/write-schema.ts)`, async () => {
  const committed = readFileSync(new URL(`../../${SCHEMA_PATH}`, import.meta.url), 'utf8');
  assert.equal(committed, await annualReportSchemaText());
});

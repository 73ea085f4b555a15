import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFormatYear, checkPublishedInTime } from './dates.js';
import { blankReport } from './fixtures/build.js';

const formatCases: { year: number | null; format: '2021' | '2019'; warn: boolean }[] = [
  { year: 2021, format: '2019', warn: true },
  { year: 2024, format: '2019', warn: true },
  { year: 2020, format: '2019', warn: false },
  { year: 2019, format: '2019', warn: false },
  { year: 2021, format: '2021', warn: false },
  { year: null, format: '2019', warn: false },
];

for (const c of formatCases) {
  test(`OLD_FORMAT: ${c.year} report in the ${c.format} format`, () => {
    const r = blankReport(c.format);
    r.year = c.year;
    const found = checkFormatYear(r);
    assert.equal(found.length, c.warn ? 1 : 0);
    if (c.warn) {
      assert.equal(found[0]?.code, 'OLD_FORMAT');
      assert.equal(found[0]?.severity, 'warning');
      assert.match(found[0]?.message ?? '', /国办公开办函〔2021〕30号/);
    }
  });
}

const lateCases: {
  year: number | null;
  publishedOn: string | null;
  deadline?: string;
  days: number | null;
}[] = [
  { year: 2021, publishedOn: '2022-01-18', days: null },
  { year: 2021, publishedOn: '2022-01-31', days: null },
  { year: 2021, publishedOn: '2022-02-01', days: 1 },
  { year: 2023, publishedOn: '2024-03-15', days: 44 },
  { year: 2023, publishedOn: '2024-03-15', deadline: '03-31', days: null },
  { year: 2023, publishedOn: '2024-04-02', deadline: '03-31', days: 2 },
  { year: 2021, publishedOn: '2022-02-03', deadline: '2-1', days: 3 },
  { year: 2021, publishedOn: null, days: null },
  { year: null, publishedOn: '2030-01-01', days: null },
];

for (const c of lateCases) {
  test(`LATE: ${c.year} report dated ${c.publishedOn}${c.deadline ? ` (deadline ${c.deadline})` : ''}`, () => {
    const r = blankReport();
    r.year = c.year;
    r.publishedOn = c.publishedOn;
    const found = checkPublishedInTime(r, c.deadline);
    if (c.days === null) return assert.deepEqual(found, []);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.code, 'LATE');
    assert.equal(found[0]?.actual, c.days);
    assert.match(found[0]?.message ?? '', new RegExp(`逾期${c.days}天`));
  });
}

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseReport } from '../parse/index.js';
import { sampleReport } from '../render/test-support.js';
import { groupFindings } from './grouping.js';
import { checkReport, mergeFindings } from './index.js';

const seedBytes = () =>
  new Uint8Array(
    readFileSync(
      new URL('../../../test/fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
    ),
  );

describe('groupFindings', () => {
  it('groups the seed’s four arithmetic errors under their two causes, with the corrections', async () => {
    const parsed = await parseReport({ bytes: seedBytes(), filename: 'seed.txt' });
    assert.ok(parsed.ok);
    const findings = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report);
    const groups = groupFindings(parsed.report, findings).map((g) => ({
      codes: g.members.map(
        (i) => `${findings[i]!.code}:${findings[i]!.row ?? findings[i]!.column}`,
      ),
      correction: g.correction,
    }));
    assert.deepEqual(groups, [
      {
        codes: ['T3_BALANCE:total', 'T3_TOTAL_COLUMN:received'],
        correction: '“总计”列第一项应为9（8+1，现为0）',
      },
      {
        codes: ['T3_BALANCE:natural_person', 'T3_BALANCE:commercial_enterprise'],
        correction: '“自然人”列第一项应为9、“商业企业”列第一项应为0（1填在了“商业企业”列）',
      },
    ]);
  });

  const cases: {
    name: string;
    damage: (r: ReturnType<typeof sampleReport>) => void;
    groups: number;
  }[] = [
    { name: 'a balanced report', damage: () => {}, groups: 0 },
    {
      // One wrong cell of one sum only: any of its cells could be the wrong one.
      name: 'a table 四 total that alone is off',
      damage: (r) => {
        r.tables.review.reconsideration = { ...r.tables.review.reconsideration, total: 3 };
      },
      groups: 0,
    },
    {
      name: 'a received total left at 0 (breaks the row sum and the column balance)',
      damage: (r) => {
        r.tables.requests.received = { ...r.tables.requests.received, total: 0 };
      },
      groups: 1,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.groups} group(s)`, () => {
      const report = sampleReport();
      c.damage(report);
      assert.equal(groupFindings(report, checkReport(report)).length, c.groups);
    });
  }
});

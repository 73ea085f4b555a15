import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseReport } from '../parse/index.js';
import { FORMATS } from '../format/index.js';
import type { AnnualReport } from '../model.js';
import { balanceRequests, sampleReport, zeroReport } from '../render/test-support.js';
import { groupFindings } from './grouping.js';
import { checkReport, mergeFindings } from './index.js';

const seedBytes = () =>
  new Uint8Array(
    readFileSync(
      new URL('../../../test/fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url),
    ),
  );

describe('groupFindings', () => {
  it('gives the seed’s misplaced total one correction, the 总计 one, and no rival for its other errors', async () => {
    const parsed = await parseReport({ bytes: seedBytes(), filename: 'seed.txt' });
    assert.ok(parsed.ok);
    const findings = mergeFindings(parsed.findings, checkReport(parsed.report), parsed.report);
    const groups = groupFindings(parsed.report, findings).map((g) => ({
      codes: g.members.map(
        (i) => `${findings[i]!.code}:${findings[i]!.row ?? findings[i]!.column}`,
      ),
      correction: g.correction,
    }));
    // The 自然人/商业企业 pair is off by one each way, but the 1 may belong in 自然人's first
    // item or in 商业企业's outcomes (（二）部分公开 or 1.本机关不掌握): not decided, not offered.
    assert.deepEqual(groups, [
      {
        codes: ['T3_BALANCE:total', 'T3_TOTAL_COLUMN:received'],
        correction: '“总计”列第一项应为9（8+1，现为0）',
      },
    ]);
  });

  /**
   * 自然人 with two outcomes of one each; 商业企业 with five outcomes, `carriedIn` carried in;
   * then 2 of 自然人's first item printed under 商业企业.
   */
  function movedTwo(carriedIn: number): AnnualReport {
    const report = zeroReport('2021', 2021);
    const format = FORMATS['2021'];
    const outcomes = (pairs: Record<number, number>) =>
      format.requests.outcomeRowKeys.map((_, i) => pairs[i] ?? 0);
    const none = { outcomes: outcomes({}), carriedIn: 0, carriedOut: 0 };
    report.tables.requests = balanceRequests(format, [
      { outcomes: outcomes({ 0: 1, 1: 1 }), carriedIn: 0, carriedOut: 0 },
      { outcomes: outcomes({ 0: 5 }), carriedIn, carriedOut: 0 },
      none,
      none,
      none,
      none,
    ]);
    const received = report.tables.requests.received!;
    received.natural_person = (received.natural_person as number) - 2;
    received.commercial_enterprise = (received.commercial_enterprise as number) + 2;
    return report;
  }

  it('offers a moved number where only one place could have held it', () => {
    const report = movedTwo(1);
    assert.deepEqual(
      groupFindings(report, checkReport(report)).map((g) => g.correction),
      ['“自然人”列第一项应为2、“商业企业”列第一项应为4（2填在了“商业企业”列）'],
    );
  });

  it('offers none when two places are equally likely (first item or carried-in item)', () => {
    // 商业企业's carried-in 2 could as well be the two that belong to 自然人.
    const report = movedTwo(2);
    const findings = checkReport(report);
    assert.equal(findings.filter((f) => f.code === 'T3_BALANCE').length, 2);
    assert.deepEqual(groupFindings(report, findings), []);
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

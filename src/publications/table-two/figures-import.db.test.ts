// Importing table 二's yearly figures on both databases: a check writes nothing; the import
// stores the good rows in one transaction with one audit event, leaves the year's other
// figures and channel counts alone, and lists each refused row by line; a file refused as a
// whole stores nothing. And the same through `gongkai figures import`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/db.js';
import type { Agency } from '../../agencies/agency.js';
import { systemActor } from '../../commands/actor.js';
import { fixedClock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { importYearFigures } from './figures-import.js';
import { getYearFigures, replaceYearFigures } from './year-figures-repository.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const FIXTURE = 'test/fixtures/figures/figures-2021-gb18030.csv';
const actor = systemActor('测试');
const clock = fixedClock('2022-03-01T02:00:00.000Z');

function gongkai(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/gongkai.js', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe(`table 二 figures import (${testDialect})`, () => {
  let db: TestDb;
  let agency: Agency;
  const events = async () =>
    (
      await db.kysely
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'publication.year_figures_import')
        .execute()
    ).length;

  before(async () => {
    db = await createTestDb();
    ({ agency } = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } }));
  });
  after(() => db.destroy());

  test('a check writes nothing; the import stores the good rows with one event, per-row reasons', async () => {
    // What the office typed before: one figure the file replaces, one it does not name.
    await replaceYearFigures(
      db.kysely,
      agency.id,
      2021,
      {
        figures: [
          { figure: 'licensing', value: 1, source: '手工填报' },
          { figure: 'enforcement', value: 9, source: '手工填报' },
        ],
        channels: [{ channel: 'wechat', count: 1050, source: '公众号后台统计' }],
      },
      { label: '测试', at: clock.now().toISOString() },
    );
    const file = {
      filename: 'figures.csv',
      bytes: new Uint8Array(readFileSync(`${root}/${FIXTURE}`)),
    };
    const check = await importYearFigures({ db, clock }, actor, agency.id, file, { dryRun: true });
    assert.ok(check.ok);
    assert.equal(check.value.encoding, 'GB18030');
    assert.equal(check.value.dataRows, 8);
    assert.deepEqual(
      check.value.refused.map((r) => r.line),
      [4, 5, 7, 8, 9],
    );
    assert.equal(await events(), 0);
    assert.equal((await getYearFigures(db.kysely, agency.id, 2021)).figures[0]?.value, 1);

    const r = await importYearFigures({ db, clock }, actor, agency.id, file);
    assert.ok(r.ok);
    const reasons = Object.fromEntries(r.value.refused.map((x) => [x.line, x.reason]));
    assert.match(reasons[4] ?? '', /行政强制没有填写数量/);
    assert.match(reasons[5] ?? '', /年度“2030”无效/);
    assert.match(reasons[7] ?? '', /与第 2 行重复/);
    assert.match(reasons[8] ?? '', /事项“行政裁决”无法识别/);
    assert.match(reasons[9] ?? '', /请写明行政强制的数据来源/);
    assert.equal(await events(), 1);
    const stored = await getYearFigures(db.kysely, agency.id, 2021);
    assert.deepEqual(stored.figures, [
      { figure: 'licensing', value: 126, source: '区行政审批服务局审批系统统计' },
      { figure: 'penalty', value: 7, source: '区综合行政执法局执法办案系统统计' },
      // Not named by a good row: what the office typed stays.
      { figure: 'enforcement', value: 9, source: '手工填报' },
      { figure: 'fees', value: 12_500_000, source: '区财政局非税收入票据汇总' },
    ]);
    assert.deepEqual(stored.channels, [
      { channel: 'wechat', count: 1050, source: '公众号后台统计' },
    ]);
  });

  test('a file refused as a whole stores nothing and says what to fix', async () => {
    const before = await getYearFigures(db.kysely, agency.id, 2021);
    const eventsBefore = await events();
    for (const [text, why] of [
      ['年度,事项,数量\n2021,行政许可,3\n', /缺少：来源/],
      ['年度,事项,数量/金额,来源\n', /没有数据行/],
      ['', /文件是空的/],
    ] as const) {
      const r = await importYearFigures({ db, clock }, actor, agency.id, {
        filename: 'x.csv',
        bytes: new TextEncoder().encode(text),
      });
      assert.ok(!r.ok);
      assert.match(r.errors.file ?? '', why);
    }
    assert.deepEqual(await getYearFigures(db.kysely, agency.id, 2021), before);
    assert.equal(await events(), eventsBefore);
  });

  test('gongkai figures import: dry run, import, unknown agency', async () => {
    const dry = await gongkai(
      db.env,
      'figures',
      'import',
      '--agency',
      'lingshanwei',
      '--dry-run',
      FIXTURE,
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /检查完毕（未导入）.*共 8 行数据，可导入 3 项，不能导入 5 行/);
    assert.match(dry.stdout, /第 9 行未导入：请写明行政强制的数据来源/);
    const run = await gongkai(db.env, 'figures', 'import', '--agency', 'lingshanwei', FIXTURE);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /第 6 行：2021 年行政事业性收费 12\.5 万元（来源：区财政局非税收入票据汇总）/,
    );
    const nobody = await gongkai(db.env, 'figures', 'import', '--agency', 'nobody', FIXTURE);
    assert.equal(nobody.code, 2);
    assert.match(nobody.stderr, /没有网址标识为 nobody 的机关/);
  });
});

// `gongkai catalogue import` as staff run it: a dry run writes nothing, the import prints
// each refused row, an unknown agency or a refused file exits 2 with a Chinese message.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDb, testDialect, type TestDb } from '../../../test/support/db.js';
import { fixedClock } from '../../db/time.js';
import { seedDemo } from '../../demo/seed-demo.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const MESSY = 'test/fixtures/catalogue/messy-gb18030.csv';

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

describe(`gongkai catalogue import (${testDialect})`, () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb();
    await seedDemo({
      db,
      clock: fixedClock('2026-11-20T02:00:00.000Z'),
      passwordParams: { N: 2 ** 10, r: 8, p: 1 },
    });
  });
  after(() => db.destroy());

  const imported = async () =>
    (
      await db.kysely
        .selectFrom('publications')
        .select('id')
        .where('index_number', 'like', '11370211D00000021X/2019-001%')
        .execute()
    ).length;

  test('a dry run reports and writes nothing; the import then stores the good rows', async () => {
    const dry = await gongkai(
      db.env,
      'catalogue',
      'import',
      '--agency',
      'lingshanwei',
      '--dry-run',
      MESSY,
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /检查完毕（未导入）.*共 8 行数据，可导入 3 条，不能导入 5 行/);
    assert.equal(await imported(), 0);
    const run = await gongkai(db.env, 'catalogue', 'import', '--agency', 'lingshanwei', MESSY);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /导入 3 条，未导入 5 行/);
    assert.match(
      run.stdout,
      /第 3 行（11370211D00000021X\/2019-00102）：成文日期「2019-02-30」不存在/,
    );
    assert.match(run.stdout, /第 6 行（11370211D00000021X\/2019-00104）：缺少名称（标题）/);
    assert.equal(await imported(), 3);
  });

  test('an unknown agency, a missing file or a refused file: exit 2, a Chinese message', async () => {
    const agency = await gongkai(db.env, 'catalogue', 'import', '--agency', 'nowhere', MESSY);
    assert.equal(agency.code, 2);
    assert.match(agency.stderr, /没有网址标识为 nowhere 的机关/);
    const missing = await gongkai(
      db.env,
      'catalogue',
      'import',
      '--agency',
      'lingshanwei',
      'no-such.csv',
    );
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /找不到文件/);
    const refused = await gongkai(
      db.env,
      'catalogue',
      'import',
      '--agency',
      'lingshanwei',
      'package.json',
    );
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /未导入任何信息：第 1 行（表头）缺少以下列/);
  });
});

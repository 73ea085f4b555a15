// Spawns the real `gongkai admin` and `gongkai demo` commands against a test database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { getAccountForSignIn } from '../auth/account-repository.js';
import { verifyPassword } from '../auth/password.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function gongkai(env: Record<string, string>, stdin: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/gongkai.js', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe(`gongkai admin and gongkai demo (${testDialect})`, () => {
  let db: TestDb;
  before(async () => {
    db = await createTestDb({ migrate: false }); // the commands migrate by themselves
  });
  after(async () => db.destroy());

  test('create-admin refuses an unknown agency unless told how to create it', async () => {
    const r = await gongkai(
      db.env,
      'a-strong-pass-1\n',
      'admin',
      'create-admin',
      '--agency-slug',
      'newtown',
      '--username',
      'zhang.san',
      '--display-name',
      '张三',
    );
    assert.equal(r.code, 2);
    assert.match(r.stderr, /没有网址标识为 newtown 的机关。如需一并创建机关/);
  });

  test('create-admin validates the agency code and the password, changing nothing on error', async () => {
    const badCode = await gongkai(
      db.env,
      'a-strong-pass-1\n',
      'admin',
      'create-admin',
      '--agency-slug',
      'newtown',
      '--username',
      'zhang.san',
      '--display-name',
      '张三',
      '--agency-name',
      '新城镇人民政府',
      '--agency-code',
      '11100000000013338X',
      '--agency-level',
      'township',
    );
    assert.equal(badCode.code, 2);
    assert.match(badCode.stderr, /校验位不正确/);
    const weak = await gongkai(
      db.env,
      'short\n',
      'admin',
      'create-admin',
      '--agency-slug',
      'newtown',
      '--username',
      'zhang.san',
      '--display-name',
      '张三',
      '--agency-name',
      '新城镇人民政府',
      '--agency-code',
      '11100000000013338W',
      '--agency-level',
      'township',
    );
    assert.equal(weak.code, 2);
    assert.match(weak.stderr, /密码太短/);
    assert.equal(await db.kysely.selectFrom('agencies').select('id').executeTakeFirst(), undefined);
    assert.doesNotMatch(weak.stderr + weak.stdout, /short/);
  });

  test('create-admin refuses control and invisible characters in every option, naming it, before any lookup', async () => {
    const base = {
      '--agency-slug': 'newtown',
      '--username': 'zhang.san',
      '--display-name': '张三',
      '--agency-name': '新城镇人民政府',
      '--agency-code': '00001333-8',
      '--agency-level': 'township',
    };
    const cases: [string, string, RegExp][] = [
      [
        '--display-name',
        '张\u202E三',
        /--display-name：姓名不能包含控制字符或不可见字符（第 2 个字符）/,
      ],
      ['--username', 'zhang\u0001san', /--username：用户名不能包含控制字符或不可见字符/],
      ['--agency-slug', 'new\u0007town', /--agency-slug：网址标识不能包含控制字符或不可见字符/],
      [
        '--agency-name',
        '新城镇\u200B\u200B人民政府',
        /--agency-name：机关全称不能包含控制字符或不可见字符/,
      ],
      [
        '--agency-name',
        '\u200B\u200B\u200B',
        /--agency-name：机关全称不能只由空格或不可见字符组成/,
      ],
    ];
    for (const [name, value, message] of cases) {
      const args = Object.entries({ ...base, [name]: value }).flat();
      const r = await gongkai(db.env, 'a-strong-pass-1\n', 'admin', 'create-admin', ...args);
      assert.equal(r.code, 2, `${name}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    assert.equal(await db.kysely.selectFrom('agencies').select('id').executeTakeFirst(), undefined);
    assert.equal(await db.kysely.selectFrom('accounts').select('id').executeTakeFirst(), undefined);
  });

  test('create-admin creates the agency and its first administrator, reading the password from stdin', async () => {
    const r = await gongkai(
      db.env,
      'a-strong-pass-1\n',
      'admin',
      'create-admin',
      '--agency-slug',
      'newtown',
      '--username',
      'Zhang.San',
      '--display-name',
      '张三',
      '--agency-name',
      '新城镇人民政府',
      '--agency-code',
      '00001333-8',
      '--agency-level',
      'township',
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /已创建机关「新城镇人民政府」（newtown），已为「新城镇人民政府」创建系统管理员 zhang.san（张三）/,
    );
    const acc = await getAccountForSignIn(db.kysely, 'zhang.san');
    assert.deepEqual(acc?.roles, ['admin']);
    assert.equal(await verifyPassword('a-strong-pass-1', acc?.passwordHash ?? ''), true);
    const again = await gongkai(
      db.env,
      'a-strong-pass-1\n',
      'admin',
      'create-admin',
      '--agency-slug',
      'newtown',
      '--username',
      'zhang.san',
      '--display-name',
      '张三',
    );
    assert.equal(again.code, 2);
    assert.match(again.stderr, /已被使用/);
    // No demo data in a database set up this way.
    assert.equal(
      await db.kysely
        .selectFrom('accounts')
        .select('id')
        .where('username', 'like', 'lsw-%')
        .executeTakeFirst(),
      undefined,
    );
  });

  test('reset-password sets a new password from stdin', async () => {
    const r = await gongkai(
      db.env,
      'another-pass-2\n',
      'admin',
      'reset-password',
      '--username',
      'zhang.san',
    );
    assert.equal(r.code, 0, r.stderr);
    const acc = await getAccountForSignIn(db.kysely, 'zhang.san');
    assert.equal(await verifyPassword('another-pass-2', acc?.passwordHash ?? ''), true);
    const missing = await gongkai(
      db.env,
      'another-pass-2\n',
      'admin',
      'reset-password',
      '--username',
      'nobody',
    );
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /没有用户名为 nobody 的账号/);
    const control = await gongkai(
      db.env,
      'another-pass-2\n',
      'admin',
      'reset-password',
      '--username',
      'zhang.san\u202E',
    );
    assert.equal(control.code, 2);
    assert.match(control.stderr, /--username：用户名不能包含控制字符或不可见字符（第 10 个字符）/);
  });

  test('gongkai demo fills the demo data and lists the accounts; running it again refreshes', async () => {
    const r = await gongkai(db.env, '', 'demo');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /青岛市黄岛区人民政府 → 灵山卫街道办事处/);
    assert.match(r.stdout, /lsw-handler\t承办人/);
    assert.match(r.stdout, /密码均为 gongkai-demo/);
    const again = await gongkai(db.env, '', 'demo');
    assert.equal(again.code, 0, again.stderr);
    const n = await db.kysely
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('username', 'like', '%-%')
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 8);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password.js';
import { passwordProblem } from './password-rules.js';

// Low cost keeps the suite fast; the default parameters are checked once below.
const fast: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

test('a hash verifies its own password and nothing else', async () => {
  const h = await hashPassword('correct horse 9', fast);
  assert.match(h, /^scrypt\$v=1\$N=4096,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
  assert.equal(await verifyPassword('correct horse 9', h), true);
  assert.equal(await verifyPassword('correct horse 8', h), false);
  assert.equal(await verifyPassword('', h), false);
});

test('the same password gets a different salt each time', async () => {
  const a = await hashPassword('same-password-1', fast);
  const b = await hashPassword('same-password-1', fast);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('same-password-1', b), true);
});

test('the default parameters are memory-hard and round-trip', async () => {
  const h = await hashPassword('gongkai-demo');
  assert.match(h, /^scrypt\$v=1\$N=131072,r=8,p=1\$/);
  assert.equal(await verifyPassword('gongkai-demo', h), true);
  assert.equal(needsRehash(h), false);
});

test('weaker stored parameters ask for a rehash; tampered or unknown formats never verify', async () => {
  const h = await hashPassword('abcdef-123', fast);
  assert.equal(needsRehash(h), true);
  const [, v, params, salt, key] = h.split('$');
  const flipped = `scrypt$${v}$${params}$${salt}$${(key ?? '').startsWith('A') ? 'B' : 'A'}${(key ?? '').slice(1)}`;
  assert.equal(await verifyPassword('abcdef-123', flipped), false);
  assert.equal(await verifyPassword('abcdef-123', 'plain:abcdef-123'), false);
  assert.equal(await verifyPassword('abcdef-123', h.replace('N=4096', 'N=1073741824')), false);
  assert.equal(await verifyPassword('abcdef-123', h.replace('N=4096', 'N=3000')), false);
});

test('password rules explain in Chinese what to fix', () => {
  assert.match(passwordProblem('short1', 'lsw') ?? '', /至少需要 10 个字符/);
  assert.match(passwordProblem('onlyletters', 'lsw') ?? '', /至少两类/);
  assert.match(passwordProblem('lsw-handler-2024', 'lsw-handler') ?? '', /不能包含用户名/);
  assert.match(passwordProblem('aaaa1111aaaa', 'x') ?? '', /重复字符/);
  assert.equal(passwordProblem('gongkai-demo', 'lsw-handler'), null);
  assert.match(
    passwordProblem('gongkai\u0000demo', 'x') ?? '',
    /^密码不能包含控制字符或不可见字符（第 8 个字符）/,
  );
  assert.match(
    passwordProblem('gongkai\u200bdemo', 'x') ?? '',
    /^密码不能包含控制字符或不可见字符/,
  );
  assert.equal(passwordProblem('gongkai demo 2024', 'x'), null, 'inner spaces stay allowed');
});

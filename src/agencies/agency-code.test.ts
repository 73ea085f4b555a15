import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { orgCheckChar, parseAgencyCode, usccCheckChar } from './agency-code.js';

test('a published 统一社会信用代码 and 组织机构代码 are accepted', () => {
  // 国务院办公厅's 统一社会信用代码 and the 组织机构代码 inside it (characters 9–17).
  const uscc = parseAgencyCode('11100000000013338W');
  assert.deepEqual(uscc, { ok: true, code: '11100000000013338W', kind: 'uscc' });
  assert.deepEqual(parseAgencyCode('00001333-8'), { ok: true, code: '000013338', kind: 'org' });
  assert.deepEqual(parseAgencyCode(' 000013338 '), { ok: true, code: '000013338', kind: 'org' });
});

test('lower case is normalized', () => {
  const r = parseAgencyCode('11100000000013338w');
  assert.equal(r.ok && r.code, '11100000000013338W');
});

test('a wrong check character is rejected with the expected one named', () => {
  const r = parseAgencyCode('11100000000013338X');
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : '', /校验位不正确.*应为 W/);
  const o = parseAgencyCode('00001333-7');
  assert.equal(o.ok, false);
  assert.match(!o.ok ? o.message : '', /校验码应为 8/);
});

test('wrong length and forbidden letters give Chinese messages', () => {
  for (const bad of ['', '123', '1110000000001333', '11100000000013338WW']) {
    const r = parseAgencyCode(bad);
    assert.equal(r.ok, false, bad);
    assert.match(!r.ok ? r.message : '', /[\u4e00-\u9fff]/);
  }
  const withI = parseAgencyCode('1110000000001333I8');
  assert.match(!withI.ok ? withI.message : '', /不含 I、O、Z、S、V/);
});

test('every single-character change of a valid USCC is caught (property)', () => {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...chars), minLength: 2, maxLength: 2 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
      fc.string({ unit: fc.constantFrom(...chars), minLength: 9, maxLength: 9 }),
    )
    .map(([a, b, c]) => a + b + c);
  fc.assert(
    fc.property(body, fc.nat(16), fc.constantFrom(...chars), (first17, pos, ch) => {
      const code = first17 + usccCheckChar(first17);
      assert.equal(parseAgencyCode(code).ok, true);
      if (first17[pos] === ch) return;
      const changed = first17.slice(0, pos) + ch + first17.slice(pos + 1) + code[17];
      if (pos >= 2 && pos < 8 && !/\d/.test(ch)) return; // rejected by the region rule instead
      assert.equal(parseAgencyCode(changed).ok, false);
    }),
  );
});

test('the org code check character maps 10 to X and 11 to 0', () => {
  const seen = new Set<string>();
  for (let n = 0; n < 2000; n++) seen.add(orgCheckChar(String(n).padStart(8, '0')));
  assert.ok(seen.has('X') && seen.has('0'));
});

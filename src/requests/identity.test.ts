import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkCreditCode,
  checkIdNumber,
  checkResidentId,
  maskIdNumber,
  maskName,
  maskPhone,
} from './identity.js';

const TODAY = '2026-12-01';

test('a valid 居民身份证 number passes, normalised (x → X, spaces dropped)', () => {
  assert.deepEqual(checkResidentId('370211198001011239', TODAY), {
    ok: true,
    value: '370211198001011239',
  });
  assert.deepEqual(checkResidentId('370211 19850505 008x', TODAY), {
    ok: true,
    value: '37021119850505008X',
  });
});

test('a wrong check digit names the expected one', () => {
  const r = checkResidentId('370211198001011230', TODAY);
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.message : '', /最后一位应为 9/);
});

test('birth dates: impossible, before 1900, or after today are refused', () => {
  for (const [id, pattern] of [
    ['370211198002301236', /出生日期/], // 30 February
    ['370211180001011234', /出生日期/],
    ['370211203001011234', /晚于今天/],
  ] as const) {
    const r = checkResidentId(id, TODAY);
    assert.equal(r.ok, false, id);
    assert.match(!r.ok ? r.message : '', pattern, id);
  }
  // Leap day of a leap year is a real date.
  assert.equal(checkResidentId('370211200002290049', TODAY).ok, true);
});

test('region code, length and old 15-digit numbers', () => {
  assert.match(
    (checkResidentId('990211198001011234', TODAY) as { message: string }).message,
    /行政区划/,
  );
  assert.match(
    (checkResidentId('37021119800101123', TODAY) as { message: string }).message,
    /18 位/,
  );
  assert.match((checkResidentId('370211800101123', TODAY) as { message: string }).message, /15 位/);
  assert.match((checkResidentId('', TODAY) as { message: string }).message, /请填写/);
});

test('other documents get their shape checks', () => {
  assert.equal(checkIdNumber('passport', 'E12345678', TODAY).ok, true);
  assert.equal(checkIdNumber('passport', 'E1', TODAY).ok, false);
  assert.equal(checkIdNumber('hk_macao_permit', 'h12345678', TODAY).ok, true);
  assert.equal(checkIdNumber('hk_macao_permit', 'X12345678', TODAY).ok, false);
  assert.equal(checkIdNumber('taiwan_permit', '12345678', TODAY).ok, true);
  assert.equal(checkIdNumber('taiwan_permit', '1234', TODAY).ok, false);
  assert.equal(checkIdNumber('foreign_permanent_residence', 'USA123456789012', TODAY).ok, true);
  assert.equal(checkIdNumber('foreign_permanent_residence', '12345', TODAY).ok, false);
});

test('统一社会信用代码: the check character rule, and the old 9-digit code refused', () => {
  assert.deepEqual(checkCreditCode('91370211ma00000013'), {
    ok: true,
    value: '91370211MA00000013',
  });
  assert.match(
    (checkCreditCode('91370211MA00000014') as { message: string }).message,
    /统一社会信用代码校验位/,
  );
  assert.match((checkCreditCode('000014349') as { message: string }).message, /18 位/);
  assert.match((checkCreditCode('') as { message: string }).message, /请填写/);
});

test('masking keeps what a list needs and nothing more', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('欧阳娜娜'), '欧***');
  assert.equal(maskName('李'), '李*');
  assert.equal(maskIdNumber('370211198001011239'), '370211********1239');
  assert.equal(maskIdNumber('E12345678'), '*******78');
  assert.equal(maskPhone('13800001234'), '138****1234');
});

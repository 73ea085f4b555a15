import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityInputSchema, psbLookupUrl } from './site-identity.js';

const parse = (v: Partial<Record<'siteIdCode' | 'icpNumber' | 'psbNumber', string>>) =>
  identityInputSchema.safeParse({ siteIdCode: '', icpNumber: '', psbNumber: '', ...v });

test('the three numbers in their official formats, typed loosely, are stored regularly', () => {
  const r = parse({
    siteIdCode: ' 3702110001 ',
    icpNumber: '鲁icp备05012345号-1',
    psbNumber: '鲁公网安备37021102000123号',
  });
  assert.ok(r.success);
  assert.deepEqual(r.data, {
    siteIdCode: '3702110001',
    icpNumber: '鲁ICP备05012345号-1',
    psbNumber: '鲁公网安备 37021102000123号',
  });
  const bm = parse({ siteIdCode: 'BM01000001', icpNumber: '京ICP备05070218号' });
  assert.ok(bm.success);
  assert.equal(bm.data.siteIdCode, 'bm01000001');
  // Full-width digits as some input methods type them.
  const wide = parse({ siteIdCode: '３７０２１１０００１' });
  assert.ok(wide.success);
  assert.equal(wide.data.siteIdCode, '3702110001');
  // All empty: nothing to show.
  const none = parse({});
  assert.ok(none.success);
  assert.deepEqual(none.data, { siteIdCode: null, icpNumber: null, psbNumber: null });
});

test('wrong formats are refused with a message saying the right one', () => {
  const r = parse({
    siteIdCode: '370211',
    icpNumber: 'ICP备05012345号',
    psbNumber: '鲁公网安备 3702号',
  });
  assert.ok(!r.success);
  const byField = Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  assert.match(byField.siteIdCode ?? '', /10 位/);
  assert.match(byField.icpNumber ?? '', /鲁ICP备05012345号/);
  assert.match(byField.psbNumber ?? '', /14 位数字/);
});

test('the 公安 number links to its record by its 14 digits', () => {
  assert.equal(
    psbLookupUrl('鲁公网安备 37021102000123号'),
    'https://beian.mps.gov.cn/#/query/webSearch?code=37021102000123',
  );
  assert.equal(psbLookupUrl('nonsense'), null);
});

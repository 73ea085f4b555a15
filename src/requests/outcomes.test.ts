import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMAT_2019, FORMAT_2021 } from '../reports/format/index.js';
import {
  isOutcomeKey,
  legalGround,
  OUTCOME_KEYS,
  OUTCOMES,
  outcomeDef,
  reportRowFor,
  type OutcomeKey,
} from './outcomes.js';

test('the outcomes are the 21 outcome rows of table 三, in printed order', () => {
  assert.deepEqual([...OUTCOME_KEYS], [...FORMAT_2021.requests.outcomeRowKeys]);
  assert.equal(OUTCOMES.length, 21);
});

test('each has the label of the format and its group', () => {
  assert.equal(outcomeDef('partially_disclosed').label, '部分公开');
  assert.equal(outcomeDef('withheld.state_secret').fullLabel, '不予公开：属于国家秘密');
  assert.equal(outcomeDef('unavailable.not_held').fullLabel, '无法提供：本机关不掌握相关政府信息');
  assert.equal(outcomeDef('other.correction_overdue').group, 'other');
  assert.equal(outcomeDef('disclosed').fullLabel, '予以公开');
});

test('legal grounds as the spec lists them', () => {
  const cases: Array<[OutcomeKey, string | null]> = [
    ['disclosed', '第三十六条第（一）项、第（二）项'],
    ['partially_disclosed', '第三十七条'],
    ['withheld.security_stability', '第十四条'],
    ['withheld.third_party_rights', '第十五条'],
    ['withheld.internal_affairs', '第十六条第一款'],
    ['withheld.enforcement_files', '第十六条第二款'],
    ['withheld.administrative_query', '第三十六条第（七）项'],
    ['unavailable.needs_creation', '第三十八条'],
    ['unavailable.unclear_after_correction', '第三十条'],
    ['not_processed.repeated', '第三十六条第（六）项'],
    ['not_processed.excessive', '第三十五条'],
    ['other.correction_overdue', '第三十条'],
    ['other.other', null],
  ];
  for (const [key, article] of cases) assert.equal(outcomeDef(key).article, article, key);
  assert.equal(
    legalGround('partially_disclosed'),
    '依据《中华人民共和国政府信息公开条例》第三十七条',
  );
  assert.equal(
    legalGround('other.fee_unpaid'),
    '依据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》',
  );
  assert.equal(legalGround('other.other'), null);
});

test('isOutcomeKey accepts only the keys', () => {
  assert.ok(isOutcomeKey('unavailable.not_held'));
  assert.ok(!isOutcomeKey('not_held'));
  assert.ok(!isOutcomeKey(3));
});

test('in the 2019 format the two lapses count as its single 其他处理 row', () => {
  assert.equal(reportRowFor('other.fee_unpaid', FORMAT_2019), 'other.other');
  assert.equal(reportRowFor('other.correction_overdue', FORMAT_2019), 'other.other');
  assert.equal(reportRowFor('partially_disclosed', FORMAT_2019), 'partially_disclosed');
  for (const key of OUTCOME_KEYS) assert.equal(reportRowFor(key, FORMAT_2021), key);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EMPTY_RECORD_FORM,
  factDetail,
  handledCounts,
  KIND_DEFINITIONS,
  KINDS,
  kindOfSlug,
  recordInputSchema,
  type WorkRecordKind,
} from './work-record.js';

const TODAY = '2021-12-31';
const parse = (kind: WorkRecordKind, over: Partial<typeof EMPTY_RECORD_FORM>) =>
  recordInputSchema(kind, TODAY).safeParse({ ...EMPTY_RECORD_FORM, ...over });
const errorsOf = (kind: WorkRecordKind, over: Partial<typeof EMPTY_RECORD_FORM>) => {
  const r = parse(kind, over);
  return r.success
    ? {}
    : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('one input rule, shaped by the kind', () => {
  const rows: [
    string,
    WorkRecordKind,
    Partial<typeof EMPTY_RECORD_FORM>,
    Record<string, string>,
  ][] = [
    [
      'an open day needs who took part',
      'open_day',
      { occurredOn: '2021-04-22', title: '创城创卫 成果共享' },
      { detail: '请填写参加人员' },
    ],
    [
      'a suggestion needs lead or assisting and closed or not',
      'deputy_suggestion',
      { occurredOn: '2021-03-18', title: '关于某事的建议' },
      { role: '请选择主办或协办', closed: '请选择是否已办结' },
    ],
    [
      'a training session needs a whole number of participants',
      'training',
      { occurredOn: '2021-05-01', title: '业务培训会', participants: '三十' },
      { participants: '参加人数应为整数，如 35' },
    ],
    [
      '…at least one',
      'training',
      { occurredOn: '2021-05-01', title: '业务培训会', participants: '0' },
      { participants: '参加人数至少为 1' },
    ],
    [
      'community work needs what was done',
      'community',
      { occurredOn: '2021-11-30', title: '星光岛社区政务公开体验区' },
      { detail: '请填写工作内容' },
    ],
    [
      'a date in the future',
      'open_day',
      { occurredOn: '2022-01-01', title: '主题', detail: '群众代表' },
      { occurredOn: '活动日期不能晚于今天' },
    ],
    [
      'an impossible date, named for the kind',
      'cppcc_proposal',
      { occurredOn: '2021-02-30', title: '关于某事的提案', role: 'lead', closed: 'no' },
      { occurredOn: '交办日期应为有效日期，格式如 2021-06-30' },
    ],
    [
      'a title too short',
      'training',
      { occurredOn: '2021-05-01', title: '会', participants: '5' },
      { title: '请填写培训名称' },
    ],
  ];
  for (const [name, kind, over, want] of rows)
    test(name, () => assert.deepEqual(errorsOf(kind, over), want));

  test('the parts a kind does not have are stored as null, whatever was posted', () => {
    const r = parse('open_day', {
      occurredOn: '2021-04-22',
      title: '创卫齐参与 成果同受益',
      detail: '群众代表',
      role: 'lead',
      closed: 'yes',
      participants: '9',
      reference: '第1号',
    });
    assert.ok(r.success);
    assert.deepEqual(r.data, {
      occurredOn: '2021-04-22',
      title: '创卫齐参与 成果同受益',
      detail: '群众代表',
      reference: null,
      role: null,
      closed: null,
      participants: null,
    });
    const s = parse('deputy_suggestion', {
      occurredOn: '2021-03-18',
      title: '关于某事的建议',
      role: 'assisting',
      closed: 'yes',
      reference: '第0215号',
    });
    assert.ok(s.success);
    assert.deepEqual(
      [s.data.role, s.data.closed, s.data.reference, s.data.detail],
      ['assisting', true, '第0215号', null],
    );
  });
});

test('every kind has its own URL segment, found back from it', () => {
  assert.equal(new Set(KINDS.map((k) => KIND_DEFINITIONS[k].slug)).size, KINDS.length);
  for (const k of KINDS) assert.equal(kindOfSlug(KIND_DEFINITIONS[k].slug), k);
  assert.equal(kindOfSlug('nope'), null);
});

test('suggestions handled: lead, assisting, closed', () => {
  assert.deepEqual(
    handledCounts([
      { role: 'assisting', closed: true },
      { role: 'assisting', closed: false },
      { role: 'lead', closed: true },
    ]),
    { lead: 1, assisting: 2, closed: 2 },
  );
  assert.deepEqual(handledCounts([]), { lead: 0, assisting: 0, closed: 0 });
});

test('a training session is stated with how many took part', () => {
  assert.equal(factDetail({ kind: 'training', detail: null, participants: 35 }), '35人参加');
  assert.equal(
    factDetail({ kind: 'training', detail: '讲解条例', participants: 35 }),
    '35人参加；讲解条例',
  );
  assert.equal(
    factDetail({ kind: 'open_day', detail: '群众代表', participants: null }),
    '群众代表',
  );
});

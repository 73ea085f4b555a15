import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURES, platformOf } from '../features.js';
import { fieldChanges as changesWith, referencedIds } from './audit-changes.js';

const labels = platformOf(FEATURES).auditLabels;
const fieldChanges = (
  ...args: Parameters<typeof changesWith> extends [unknown, ...infer R] ? R : never
) => changesWith(labels, ...args);

test('changed fields only, with the owning feature’s Chinese labels and names for ids', () => {
  const names = new Map([['ag-1', '青岛市黄岛区人民政府']]);
  const rows = fieldChanges(
    'agency',
    { fullName: '旧名', parentId: null, shortName: '同' },
    { fullName: '新名', parentId: 'ag-1', shortName: '同' },
    names,
  );
  assert.deepEqual(rows, [
    { label: '机关全称', before: '旧名', after: '新名' },
    { label: '上级机关', before: '—', after: '青岛市黄岛区人民政府' },
  ]);
});

test('roles, booleans, day kinds, lists and a creation read as words', () => {
  assert.deepEqual(
    fieldChanges(
      'account',
      { roles: ['handler'], isActive: true },
      { roles: ['admin'], isActive: false },
    ),
    [
      { label: '角色', before: '承办人', after: '系统管理员' },
      { label: '启用', before: '是', after: '否' },
    ],
  );
  assert.deepEqual(fieldChanges('calendar_day', null, { date: '2026-03-02', kind: 'holiday' }), [
    { label: '日期', before: '—', after: '2026-03-02' },
    { label: '安排', before: '—', after: '放假' },
  ]);
  assert.deepEqual(fieldChanges('calendar', { days: [{}, {}] }, { years: [2026], days: [{}] }), [
    { label: '日期', before: '共2项', after: '共1项' },
    { label: '年份', before: '—', after: '2026' },
  ]);
  assert.deepEqual(referencedIds({ agencyId: 'a' }, { currentAgencyId: 'b', other: 'c' }), [
    'a',
    'b',
  ]);
});

test('a long list (the items an import stored) shows its count and its first twenty', () => {
  const ids = Array.from({ length: 25 }, (_, i) => `id-${i + 1}`);
  const [row] = fieldChanges('publication_import', null, { items: ids });
  assert.equal(row?.label, '导入的信息');
  assert.equal(row?.after, `共25项：${ids.slice(0, 20).join('、')}……`);
  assert.equal(
    fieldChanges('publication_import', null, { items: ids.slice(0, 20) })[0]?.after,
    ids.slice(0, 20).join('、'),
  );
});

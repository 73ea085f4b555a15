import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identifier, isoDate, oneOf, parseListQuery, type ListSpec } from './list-query.js';

const spec = {
  filters: {
    type: oneOf('对象类型', ['agency', 'account'] as const),
    from: isoDate('起始日期'),
    id: identifier('对象编号'),
  },
  sorts: ['time', 'actor'] as const,
  defaultSort: 'time',
  defaultDirection: 'desc',
  pageSize: 20,
} satisfies ListSpec<
  {
    type: ReturnType<typeof oneOf<'agency' | 'account'>>;
    from: ReturnType<typeof isoDate>;
    id: ReturnType<typeof identifier>;
  },
  'time' | 'actor'
>;

const parse = (query: Record<string, string>) => parseListQuery('/console/x', query, spec);

test('defaults when the query is empty', () => {
  const q = parse({});
  assert.deepEqual(
    [q.page, q.pageSize, q.sort, q.direction, q.filters, q.problems],
    [1, 20, 'time', 'desc', {}, []],
  );
  assert.equal(q.hrefFor({}), '/console/x');
});

test('valid values are typed and kept in links', () => {
  const q = parse({ page: '3', sort: 'actor', dir: 'asc', type: 'account', from: '2024-02-29' });
  assert.deepEqual([q.page, q.sort, q.direction], [3, 'actor', 'asc']);
  assert.deepEqual(q.filters, { type: 'account', from: '2024-02-29' });
  const next = new URL(q.hrefFor({ page: 4 }), 'http://x');
  assert.deepEqual(Object.fromEntries(next.searchParams), {
    type: 'account',
    from: '2024-02-29',
    sort: 'actor',
    dir: 'asc',
    page: '4',
  });
});

test('bad page numbers fall back to page 1 with a Chinese note', () => {
  for (const page of ['0', '-1', 'abc', '1.5', '1e3', '9999999', ' 2 x', '0x10']) {
    const q = parse({ page });
    assert.equal(q.page, 1, page);
    assert.equal(q.problems.length, 1, page);
    assert.match(q.problems[0] ?? '', /页码.*无效，已显示第 1 页/);
  }
  assert.equal(parse({ page: '100000' }).page, 100000);
});

test('unknown sort keys and directions fall back to the default', () => {
  const q = parse({ sort: 'password_hash', dir: 'sideways' });
  assert.deepEqual([q.sort, q.direction], ['time', 'desc']);
  assert.equal(q.problems.length, 2);
  assert.match(q.problems.join('；'), /排序方式“password_hash”无效/);
});

test('injection attempts in sort and filters never reach the result or the links', () => {
  const hostile = {
    sort: 'time; DROP TABLE audit_events;--',
    dir: 'desc, (select 1)',
    type: "account' OR '1'='1",
    from: "2024-01-01' --",
    id: '<script>alert(1)</script>',
    page: '1 union select',
  };
  const q = parse(hostile);
  assert.deepEqual([q.page, q.sort, q.direction, q.filters], [1, 'time', 'desc', {}]);
  assert.equal(q.problems.length, 6);
  const link = q.hrefFor({ page: 2 });
  assert.equal(link, '/console/x?page=2');
});

test('impossible dates are refused', () => {
  for (const from of ['2023-02-29', '2024-13-01', '2024-1-1', '20240101']) {
    const q = parse({ from });
    assert.equal(q.filters.from, undefined, from);
    assert.match(q.problems[0] ?? '', /起始日期.*不是有效日期/);
  }
});

test('a new sort or filter goes back to page 1; a filter can be removed', () => {
  const q = parse({ page: '5', type: 'agency', id: 'abc-1' });
  assert.equal(q.hrefFor({ sort: 'actor' }), '/console/x?type=agency&id=abc-1&sort=actor&dir=desc');
  assert.equal(q.hrefFor({ filters: { type: undefined } }), '/console/x?id=abc-1');
  assert.equal(q.hrefFor({}), '/console/x?type=agency&id=abc-1&page=5');
});

test('a filter may not take a name the list itself uses', () => {
  assert.throws(() => parseListQuery('/x', {}, { ...spec, filters: { page: identifier('页') } }));
});

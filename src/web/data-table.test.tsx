import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'node-html-parser';
import { DataTable } from './data-table.js';
import { Pager, pagesAround } from './pager.js';

async function render(node: unknown): Promise<ReturnType<typeof parse>> {
  return parse(String(await (node as Promise<string> | string)));
}

test('a table has its caption, scoped headers and sort links with aria-sort', async () => {
  const root = await render(
    <DataTable
      caption="名单"
      rows={[{ n: '甲' }, { n: '乙' }]}
      columns={[
        { label: '姓名', cell: (r: { n: string }) => r.n, sortKey: 'name' },
        { label: '备注', cell: () => '—' },
      ]}
      sorting={{
        sort: 'name',
        direction: 'desc',
        hrefFor: ({ sort, direction }) => `/x?sort=${sort}&dir=${direction}`,
      }}
    />,
  );
  assert.equal(root.querySelector('caption')?.textContent, '名单');
  const heads = root.querySelectorAll('thead th');
  assert.deepEqual(
    heads.map((h) => h.getAttribute('scope')),
    ['col', 'col'],
  );
  assert.equal(heads[0]?.getAttribute('aria-sort'), 'descending');
  // Sorted descending: the header link sorts ascending next.
  assert.equal(heads[0]?.querySelector('a')?.getAttribute('href'), '/x?sort=name&dir=asc');
  assert.equal(heads[1]?.querySelector('a'), null);
  assert.equal(root.querySelectorAll('tbody tr').length, 2);
});

test('an empty table says so across all columns', async () => {
  const root = await render(
    <DataTable
      caption="空"
      rows={[]}
      columns={[{ label: 'a', cell: () => '' }]}
      empty="没有记录"
    />,
  );
  assert.equal(root.querySelector('tbody td')?.textContent, '没有记录');
});

test('the pager marks the current page and links the ones around it', async () => {
  const root = await render(
    <Pager total={95} page={5} pageCount={10} hrefFor={({ page }) => `/x?page=${page}`} />,
  );
  const nav = root.querySelector('nav');
  assert.equal(nav?.getAttribute('aria-label'), '分页');
  assert.match(nav?.textContent ?? '', /共 95 条，第 5\/10 页/);
  assert.equal(root.querySelector('[aria-current="page"]')?.getAttribute('href'), '/x?page=5');
  assert.equal(root.querySelector('a[rel="prev"]')?.getAttribute('href'), '/x?page=4');
  assert.equal(root.querySelector('a[rel="next"]')?.getAttribute('href'), '/x?page=6');
  assert.deepEqual(pagesAround(5, 10), [1, 3, 4, 5, 6, 7, 10]);
  assert.deepEqual(pagesAround(1, 1), [1]);
});

test('a single page has no page links', async () => {
  const root = await render(<Pager total={3} page={1} pageCount={1} hrefFor={() => '/x'} />);
  assert.equal(root.querySelectorAll('a').length, 0);
  assert.match(root.textContent, /共 3 条，第 1\/1 页/);
});

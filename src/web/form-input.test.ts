// readForm on real posted bodies: single fields, repeated fields, files, and bad input that
// comes back with its values as typed and one Chinese message per field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { z } from 'zod';
import { fieldErrors, formStrings, readForm } from './form-input.js';

const schema = z.object({
  name: z.string().trim().min(2, '请填写名称'),
  count: z.coerce.number().int('份数应为整数'),
  roles: z.array(z.enum(['a', 'b'], { error: '角色无效' })).min(1, '请至少选择一个角色'),
  files: z.array(z.instanceof(File)).max(2, '最多上传 2 个文件'),
});

/** An app whose one route answers with what readForm made of the posted form. */
const app = new Hono().post('/', async (c) => {
  const form = await readForm(c, schema, {
    fields: ['name', 'count'],
    arrays: ['roles'],
    files: ['files'],
  });
  const values = { ...form.values, files: form.values.files.map((f) => f.name) };
  if (!form.ok) return c.json({ ok: false, values, errors: form.errors });
  return c.json({ ok: true, values, data: { ...form.data, files: form.data.files.length } });
});

async function post(entries: [string, string | File][]): Promise<unknown> {
  const body = new FormData();
  for (const [k, v] of entries) body.append(k, v);
  return (await app.request('/', { method: 'POST', body })).json();
}

test('repeated fields become lists, files are kept, and the data is typed by the schema', async () => {
  const out = await post([
    ['name', '  灵山卫 '],
    ['count', '3'],
    ['roles', 'a'],
    ['roles', 'b'],
    ['files', new File(['x'], '报告.txt')],
  ]);
  assert.deepEqual(out, {
    ok: true,
    values: { name: '  灵山卫 ', count: '3', roles: ['a', 'b'], files: ['报告.txt'] },
    data: { name: '灵山卫', count: 3, roles: ['a', 'b'], files: 1 },
  });
});

test('bad input keeps every value as typed, with the first Chinese message of each field', async () => {
  const out = await post([
    ['name', '灵'],
    ['count', '2.5'],
    ['roles', 'x'],
    ['files', new File(['1'], '1.txt')],
    ['files', new File(['2'], '2.txt')],
    ['files', new File(['3'], '3.txt')],
  ]);
  assert.deepEqual(out, {
    ok: false,
    values: { name: '灵', count: '2.5', roles: ['x'], files: ['1.txt', '2.txt', '3.txt'] },
    errors: {
      name: '请填写名称',
      count: '份数应为整数',
      roles: '角色无效',
      files: '最多上传 2 个文件',
    },
  });
});

test('missing fields read as empty: no text, no choices, no files (an empty file input posts none)', async () => {
  const out = await post([['files', new File([], '')]]);
  assert.deepEqual(out, {
    ok: false,
    values: { name: '', count: '', roles: [], files: [] },
    errors: { name: '请填写名称', roles: '请至少选择一个角色' },
  });
});

test('a repeated single field reads as its first value; a file there reads as empty', () => {
  assert.deepEqual(
    formStrings({ a: ['1', '2'], b: new File(['x'], 'x.txt'), c: 3 }, ['a', 'b', 'c']),
    {
      a: '1',
      b: '',
      c: '',
    },
  );
});

test('errors about the whole form are filed under _form', () => {
  const r = z
    .object({ a: z.string() })
    .refine(() => false, '两次输入不一致')
    .safeParse({ a: '' });
  assert.ok(!r.success);
  assert.deepEqual(fieldErrors(r.error), { _form: '两次输入不一致' });
});

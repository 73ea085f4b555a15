import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'node-html-parser';
import { ChoiceGroup, ErrorSummary, fieldId, SelectField, TextArea, TextField } from './forms.js';

async function render(node: unknown): Promise<ReturnType<typeof parse>> {
  return parse(String(await (node as Promise<string> | string)));
}

test('a field with an error is labelled, described by its message, and keeps the typed value', async () => {
  const root = await render(
    <TextField
      name="fullName"
      label="机关全称"
      value="灵山卫<街道>"
      error="请填写机关全称"
      hint="写全称"
      required
    />,
  );
  const input = root.querySelector('input');
  const id = fieldId('fullName');
  assert.equal(input?.getAttribute('id'), id);
  assert.equal(root.querySelector('label')?.getAttribute('for'), id);
  assert.equal(input?.getAttribute('value'), '灵山卫<街道>');
  assert.equal(input?.getAttribute('aria-invalid'), 'true');
  assert.equal(input?.getAttribute('aria-describedby'), `${id}-hint ${id}-error`);
  assert.match(root.querySelector(`#${id}-error`)?.textContent ?? '', /请填写机关全称/);
});

test('a field without an error is not marked invalid', async () => {
  const root = await render(<TextField name="x" label="X" value="1" />);
  assert.equal(root.querySelector('input')?.getAttribute('aria-invalid'), undefined);
  assert.equal(root.querySelector('input')?.getAttribute('aria-describedby'), undefined);
});

test('a password is never written back into the page', async () => {
  const root = await render(
    <TextField name="password" label="密码" type="password" value="secret" error="密码不正确" />,
  );
  assert.equal(root.querySelector('input')?.getAttribute('value'), undefined);
});

test('textarea and select keep their values', async () => {
  const ta = await render(<TextArea name="summary" label="内容概述" value="第一行" />);
  assert.equal(ta.querySelector('textarea')?.textContent, '第一行');
  const sel = await render(
    <SelectField
      name="level"
      label="层级"
      value="county"
      emptyLabel="请选择"
      options={[
        { value: 'city', label: '市级' },
        { value: 'county', label: '县级' },
      ]}
    />,
  );
  assert.equal(sel.querySelector('option[selected]')?.getAttribute('value'), 'county');
  const choice = await render(
    <ChoiceGroup
      name="form"
      label="提供形式"
      kind="checkbox"
      value={['paper', 'email']}
      options={[
        { value: 'paper', label: '纸质' },
        { value: 'email', label: '电子邮件' },
        { value: 'disc', label: '光盘' },
      ]}
    />,
  );
  assert.deepEqual(
    choice.querySelectorAll('input[checked]').map((i) => i.getAttribute('value')),
    ['paper', 'email'],
  );
  assert.equal(choice.querySelector('legend')?.textContent, '提供形式');
});

test('the error summary links each message to its field', async () => {
  const root = await render(
    <ErrorSummary
      errors={{ _form: '保存失败', slug: '网址标识已被使用', code: undefined }}
      labels={{ slug: '网址标识' }}
    />,
  );
  assert.equal(root.querySelector('.error-summary')?.getAttribute('role'), 'alert');
  const items = root.querySelectorAll('li');
  assert.equal(items.length, 2);
  assert.equal(items[0]?.textContent, '保存失败');
  assert.equal(items[1]?.querySelector('a')?.getAttribute('href'), `#${fieldId('slug')}`);
  assert.equal(items[1]?.textContent, '网址标识：网址标识已被使用');
  assert.equal(String(await (<ErrorSummary errors={{}} />)), '');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { checkTemplate, parseTemplateText } from './template.js';

const reply = DEFAULT_TEMPLATES.reply_unavailable;

test('placeholders are found with their line and column, counted in characters', () => {
  const { segments, problems } = parseTemplateText('第一行\n您好𠀀{申请人}，{收到申请日期}');
  assert.deepEqual(problems, []);
  assert.deepEqual(
    segments.filter((s) => 'key' in s),
    [
      { key: '申请人', line: 2, column: 4 },
      { key: '收到申请日期', line: 2, column: 10 },
    ],
  );
});

test('an unknown placeholder is named with its line and position, and the ones allowed are listed', () => {
  const body = reply.body.replace('{理由}', '经查{申请日期}无记录。');
  const errors = checkTemplate('reply_unavailable', { ...reply, body });
  assert.match(
    errors.body!,
    /^正文第2行第3个字处的占位符\{申请日期\}不存在，答复告知书（无法提供）可用的占位符有：/,
  );
  assert.match(errors.body!, /\{收到申请日期\}/);
  // A placeholder of another kind is unknown here too.
  const other = checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, closing: '{补正期限}' });
  assert.match(other.closing!, /^结束语第1个字处的占位符\{补正期限\}不存在/);
});

test('an unclosed brace, a stray one and full-width braces are pointed out', () => {
  assert.match(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, addressee: '{申请人：' }).addressee!,
    /^称谓（主送）第1个字处：“\{”没有对应的“\}”/,
  );
  assert.match(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, footer: '联系\n电话}' }).footer!,
    /^附注第2行第3个字处：多余的“\}”/,
  );
  assert.match(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, addressee: '｛申请人｝：' })
      .addressee!,
    /全角括号“｛”：占位符请使用半角花括号/,
  );
});

test('a required placeholder left out is named', () => {
  const body = DEFAULT_TEMPLATES.correction_notice.body.replace('{补正事项}', '请补正。');
  assert.deepEqual(
    checkTemplate('correction_notice', { ...DEFAULT_TEMPLATES.correction_notice, body }),
    {
      _form: '模板缺少必需的占位符{补正事项}，补正告知书必须写明它',
    },
  );
  assert.match(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, numberPattern: '依申收〔{年份}〕号' })
      .numberPattern!,
    /缺少必需的占位符\{序号\}/,
  );
  assert.match(
    checkTemplate('receipt', {
      ...DEFAULT_TEMPLATES.receipt,
      numberPattern: '{申请人}〔{年份}〕{序号}号',
    }).numberPattern!,
    /占位符\{申请人\}不存在.*\{机关简称\}、\{代字\}、\{年份\}、\{序号\}/,
  );
  assert.match(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, signature: '本机关' }).signature!,
    /须含\{机关名称\}/,
  );
});

test('a reply letter without the remedies is refused', () => {
  const body = reply.body
    .split('\n')
    .map((l) => (l.includes('行政复议') ? '复议机关：{复议机关}；法院：{人民法院}。' : l))
    .join('\n');
  const errors = checkTemplate('reply_unavailable', { ...reply, body });
  assert.match(errors.body!, /须告知救济途径：60日内申请行政复议、6个月内提起行政诉讼/);
  // The old three-month period for lawsuits is out of date.
  const old = reply.body.replace('6个月内', '3个月内');
  assert.match(
    checkTemplate('reply_unavailable', { ...reply, body: old }).body!,
    /6个月内提起行政诉讼/,
  );
});

test('required parts, single-line parts and lengths are checked', () => {
  assert.equal(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, body: '  ' }).body,
    '请填写正文',
  );
  assert.equal(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, closing: '特此\n告知' }).closing,
    '结束语只能写一行',
  );
  assert.equal(
    checkTemplate('receipt', { ...DEFAULT_TEMPLATES.receipt, closing: '特'.repeat(31) }).closing,
    '结束语不能超过30个字',
  );
});

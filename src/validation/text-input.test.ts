import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { multiLine, optionalSingleLine, singleLine, textProblem } from './text-input.js';

const CONTROL = '机关全称不能包含控制字符或不可见字符';
const BLANK = '机关全称不能只由空格或不可见字符组成';
const LINE = '机关全称不能换行，请写在一行内';

// [description, value, expected message prefix for a single-line field, for a multi-line field]
const TABLE: [string, string, string | null, string | null][] = [
  ['plain Chinese', '灵山卫街道办事处', null, null],
  ['full-width space inside', '灵山卫街道　综合办公室', null, null],
  ['ASCII with spaces and punctuation', 'Room 301, No. 77 (east)', null, null],
  ['emoji', '政务公开 📢', null, null],
  ['emoji joined by ZWJ', '家庭 \u{1F468}\u200D\u{1F469}\u200D\u{1F467}', null, null],
  ['emoji with variation selector', '\u2764\uFE0F', null, null],
  [
    'flag with tag characters',
    '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
    null,
    null,
  ],
  ['ideographic variation sequence', '葛\u{E0100}', null, null],
  ['NUL', '灵山卫\u0000街道', CONTROL, CONTROL],
  ['NUL alone', '\u0000', CONTROL, CONTROL],
  ['U+0001', '\u0001abc', CONTROL, CONTROL],
  ['vertical tab inside', 'a\u000Bb', CONTROL, CONTROL],
  ['escape', 'a\u001B[31mb', CONTROL, CONTROL],
  ['DEL', 'ab\u007F', CONTROL, CONTROL],
  ['C1 next line', 'ab\u0085cd', CONTROL, CONTROL],
  ['C1 U+009F', '\u009Fx', CONTROL, CONTROL],
  ['right-to-left override', '灵山卫\u202Egnp.exe', CONTROL, CONTROL],
  ['left-to-right embedding', '\u202Aabc', CONTROL, CONTROL],
  ['left-to-right isolate', 'abc\u2066def\u2069', CONTROL, CONTROL],
  ['right-to-left mark', 'abc\u200F', CONTROL, CONTROL],
  ['left-to-right mark', '\u200Eabc', CONTROL, CONTROL],
  ['Arabic letter mark', 'abc\u061C', CONTROL, CONTROL],
  ['line separator', 'a\u2028b', CONTROL, CONTROL],
  ['interlinear annotation', 'a\uFFF9b\uFFFBc', CONTROL, CONTROL],
  ['unpaired surrogate', 'a\uD800b', CONTROL, CONTROL],
  ['100 zero-width spaces', '\u200B'.repeat(100), BLANK, BLANK],
  ['zero-width space and spaces', '\u200B \u3000', BLANK, BLANK],
  ['word joiner and BOM', '\u2060\uFEFF\u2060', BLANK, BLANK],
  ['Hangul filler', '\u3164\u3164', BLANK, BLANK],
  ['braille blank', '\u2800', BLANK, BLANK],
  ['lone ZWJ', '\u200D', BLANK, BLANK],
  ['zero-width space inside', '灵山卫\u200B\u200B街道', CONTROL, CONTROL],
  ['soft hyphen inside', '灵山\u00AD卫', CONTROL, CONTROL],
  ['BOM inside', '灵山\uFEFF卫', CONTROL, CONTROL],
  ['newline inside', '第一行\n第二行', LINE, null],
  ['CRLF inside', '第一行\r\n第二行', LINE, null],
  ['tab inside', '名称\t备注', CONTROL, null],
];

describe('textProblem', () => {
  for (const [what, value, singleExpected, multiExpected] of TABLE) {
    test(`${what}: single-line ${singleExpected ? 'refused' : 'accepted'}, multi-line ${multiExpected ? 'refused' : 'accepted'}`, () => {
      const s = textProblem(value, '机关全称', 'single');
      const m = textProblem(value, '机关全称', 'multi');
      if (singleExpected === null) assert.equal(s, null);
      else assert.ok(s?.startsWith(singleExpected), `single-line: ${s}`);
      if (multiExpected === null) assert.equal(m, null);
      else assert.ok(m?.startsWith(multiExpected), `multi-line: ${m}`);
    });
  }

  test('the message names the field and the position of the first bad character', () => {
    assert.equal(
      textProblem('灵山卫\u0000街道', '机关全称'),
      '机关全称不能包含控制字符或不可见字符（第 4 个字符），请删除后重新填写',
    );
    // Positions count characters, not UTF-16 units: the emoji before is one character.
    assert.match(textProblem('📢a\u202E', '姓名') ?? '', /^姓名.*（第 3 个字符）/);
    assert.equal(textProblem('\u200B', '节日名称'), '节日名称不能只由空格或不可见字符组成');
  });

  test('an empty value is left to the field’s own required rule', () => {
    assert.equal(textProblem('', '机关全称'), null);
  });

  test('any string free of the forbidden characters with something visible is accepted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const cleaned = s.replace(
          /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]|\p{Cs}/gu,
          '',
        );
        const value = `灵山卫${cleaned}`;
        assert.equal(textProblem(value, '名称', 'single'), null);
      }),
    );
  });

  test('inserting any C0, C1 or bidirectional control anywhere is refused, in both kinds', () => {
    const control = fc.oneof(
      fc.integer({ min: 0x00, max: 0x08 }),
      fc.integer({ min: 0x0e, max: 0x1f }),
      fc.integer({ min: 0x7f, max: 0x9f }),
      fc.integer({ min: 0x202a, max: 0x202e }),
      fc.integer({ min: 0x2066, max: 0x2069 }),
    );
    fc.assert(
      fc.property(fc.string(), control, fc.string(), (a, code, b) => {
        const value = `名${a}${String.fromCodePoint(code)}${b}称`;
        assert.ok(textProblem(value, '名称', 'single'));
        assert.ok(textProblem(value, '名称', 'multi'));
      }),
    );
  });
});

describe('the Zod builders', () => {
  test('singleLine trims, then refuses with one message before length and pattern checks', () => {
    const schema = singleLine('用户名')
      .min(3, '用户名至少 3 个字符')
      .regex(/^[a-z]+$/, '用户名只能用小写英文字母');
    assert.equal(schema.parse('  abc  '), 'abc');
    const r = schema.safeParse('a\u0000');
    assert.equal(r.success, false);
    assert.deepEqual(
      r.error?.issues.map((i) => i.message),
      ['用户名不能包含控制字符或不可见字符（第 2 个字符），请删除后重新填写'],
    );
    const blank = schema.safeParse('\u200B\u200B\u200B');
    assert.deepEqual(
      blank.error?.issues.map((i) => i.message),
      ['用户名不能只由空格或不可见字符组成'],
    );
  });

  test('multiLine keeps line breaks that singleLine refuses', () => {
    assert.equal(multiLine('内容').parse('第一行\n第二行\n'), '第一行\n第二行');
    assert.equal(singleLine('内容').safeParse('第一行\n第二行').success, false);
  });

  test('optionalSingleLine maps empty to null and still applies the rule and the length', () => {
    const schema = optionalSingleLine('办公地址', 5);
    assert.equal(schema.parse('   '), null);
    assert.equal(schema.parse(' 灵岩路 '), '灵岩路');
    assert.equal(
      schema.safeParse('\u2066x').error?.issues[0]?.message.startsWith('办公地址不能包含'),
      true,
    );
    assert.equal(
      schema.safeParse('一二三四五六').error?.issues[0]?.message,
      '办公地址不能超过 5 个字',
    );
  });
});

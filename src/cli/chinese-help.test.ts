import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translateCommanderError } from './chinese-help.js';

const cases: Array<[string, RegExp]> = [
  ["error: unknown command 'frob'", /未知命令“frob”/],
  ["error: unknown option '--x'", /未知选项“--x”/],
  ["error: required option '--from <date>' not specified", /缺少必填选项 --from <date>/],
  ["error: missing required argument 'file'", /缺少参数 file/],
  ["error: option '--to <format>' argument missing", /选项 --to <format> 缺少取值/],
  ["error: too many arguments for 'migrate'. Expected 0 arguments but got 1.", /参数过多/],
];

for (const [input, expected] of cases) {
  test(`translates commander error: ${input}`, () => {
    const out = translateCommanderError(input);
    assert.match(out, expected);
    assert.match(out, /^错误：/);
  });
}

test('leaves an unknown message unchanged rather than inventing a translation', () => {
  assert.equal(translateCommanderError('something else'), 'something else');
});

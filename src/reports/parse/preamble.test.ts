// The text between a report's title and section 一 is kept as its preamble; the title, a
// table before any heading and the sections themselves are not part of it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATS } from '../format/index.js';
import type { SourceLine } from './document.js';
import { textLine } from './document.js';
import { preambleOf } from './preamble.js';

const f = FORMATS['2021'];

describe('preambleOf', () => {
  it('keeps the paragraphs before 一、总体情况, without the title', () => {
    const lines = [
      textLine('某某街道办事处2021年政府信息公开工作年度报告'),
      textLine('[bookmark: _GoBack]本报告根据《条例》编制。'),
      textLine('如有疑问，请与综合办公室联系。'),
      textLine('一、总体情况'),
      textLine('2021年以来……'),
    ];
    assert.equal(preambleOf(lines, f), '本报告根据《条例》编制。\n如有疑问，请与综合办公室联系。');
  });

  it('joins a wrapped PDF line to its paragraph', () => {
    const lines: SourceLine[] = [
      textLine('本报告根据《条例》'),
      { cells: ['编制。'], tableRow: false, continues: true },
      textLine('—、总体情况'),
    ];
    assert.equal(preambleOf(lines, f), '本报告根据《条例》编制。');
  });

  it('is none when the report starts with its first section, or has no heading at all', () => {
    assert.equal(
      preambleOf([textLine('2021年政府信息公开工作年度报告'), textLine('一、总体情况')], f),
      null,
    );
    assert.equal(preambleOf([textLine('本报告根据《条例》编制。'), textLine('正文')], f), null);
  });

  it('is none when a table comes before the first heading', () => {
    const lines: SourceLine[] = [
      textLine('说明文字。'),
      { cells: ['规章', '0', '0', '0'], tableRow: true },
      textLine('一、总体情况'),
    ];
    assert.equal(preambleOf(lines, f), null);
  });
});

// The opening of a composed report: the agency, the year's period and the format's basis;
// the office's contact only as far as it is registered; a recompute keeps what was edited.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FORMATS } from '../reports/format/index.js';
import { compose } from './compose.js';
import { draftPreamble } from './preamble.js';

describe('draftPreamble', () => {
  test('names the agency, the period and the format notice; the contact as registered', () => {
    const text = draftPreamble({
      agencyName: '灵山卫街道办事处',
      year: 2021,
      format: FORMATS['2021'],
      office: { name: '灵山卫街道综合办公室', address: '灵岩路77号', phone: null },
    });
    assert.match(text, /^本报告由灵山卫街道办事处根据《中华人民共和国政府信息公开条例》/u);
    assert.match(text, /国办公开办函〔2021〕30号/u);
    assert.match(text, /自2021年1月1日起至2021年12月31日止。/u);
    assert.match(text, /请与灵山卫街道综合办公室联系（地址：灵岩路77号）。$/u);
    const bare = draftPreamble({ agencyName: '某局', year: 2019, format: FORMATS['2019'] });
    assert.match(bare, /国办公开办函〔2019〕60号/u);
    assert.doesNotMatch(bare, /联系/u);
  });

  test('a new draft starts with it; a recompute keeps the edited one, or none', () => {
    const fresh = compose({ agencyName: '某局', year: 2022, contributions: [] }).report;
    assert.match(fresh.preamble ?? '', /^本报告由某局根据/u);
    const kept = compose({
      agencyName: '某局',
      year: 2022,
      contributions: [],
      sections: fresh.sections,
      preamble: '本局改写的说明。',
    }).report;
    assert.equal(kept.preamble, '本局改写的说明。');
    const cleared = compose({
      agencyName: '某局',
      year: 2022,
      contributions: [],
      sections: fresh.sections,
    }).report;
    assert.equal(cleared.preamble, undefined);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  accountInputSchema,
  closeProblem,
  countsForYear,
  PLATFORMS,
  type Platform,
} from './new-media.js';

const acc = (platform: Platform, openedOn: string, closedOn: string | null = null) => ({
  platform,
  openedOn,
  closedOn,
});

test('the seed year: two operating at year end, four dormant accounts closed in 2021', () => {
  const accounts = [
    acc('wechat', '2016-03-01'),
    acc('weibo', '2013-05-20'),
    acc('weibo', '2014-01-10', '2021-06-30'),
    acc('wechat', '2015-02-01', '2021-06-30'),
    acc('wechat', '2015-08-01', '2021-07-15'),
    acc('wechat', '2017-04-01', '2021-12-31'),
  ];
  const y = countsForYear(accounts, 2021);
  const wechat = y.byPlatform.find((p) => p.platform === 'wechat')!;
  const weibo = y.byPlatform.find((p) => p.platform === 'weibo')!;
  assert.deepEqual(wechat, {
    platform: 'wechat',
    activeAtYearEnd: 1,
    openedInYear: 0,
    closedInYear: 3,
  });
  assert.deepEqual(weibo, {
    platform: 'weibo',
    activeAtYearEnd: 1,
    openedInYear: 0,
    closedInYear: 1,
  });
  assert.deepEqual(y.total, { activeAtYearEnd: 2, openedInYear: 0, closedInYear: 4 });
  // The year before, all six were operating.
  assert.equal(countsForYear(accounts, 2020).total.activeAtYearEnd, 6);
  // An account closed on 31 December is not operating at that year end.
  assert.equal(
    countsForYear([acc('douyin', '2021-01-01', '2021-12-31')], 2021).total.activeAtYearEnd,
    0,
  );
  // One opened in a later year does not count yet.
  assert.equal(countsForYear([acc('toutiao', '2022-01-01')], 2021).total.activeAtYearEnd, 0);
});

test('every platform is listed, and the totals are the sums of the platforms', () => {
  const day = fc
    .date({ min: new Date('2010-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const account = fc
    .tuple(fc.constantFrom(...PLATFORMS), day, fc.option(day))
    .map(([p, a, b]) => (b && b < a ? acc(p, b, a) : acc(p, a, b)));
  fc.assert(
    fc.property(
      fc.array(account, { maxLength: 40 }),
      fc.integer({ min: 2010, max: 2030 }),
      (list, year) => {
        const y = countsForYear(list, year);
        assert.deepEqual(
          y.byPlatform.map((p) => p.platform),
          [...PLATFORMS],
        );
        assert.equal(
          y.total.closedInYear,
          y.byPlatform.reduce((n, p) => n + p.closedInYear, 0),
        );
        // Operating at the end of this year = at the end of last year + opened − closed.
        const before = countsForYear(list, year - 1).total.activeAtYearEnd;
        assert.equal(y.total.activeAtYearEnd, before + y.total.openedInYear - y.total.closedInYear);
      },
    ),
  );
});

test('the account form: 其他 needs a platform name, dates must be real', () => {
  const base = {
    platform: 'wechat',
    platformOther: '',
    name: '卫 您好',
    operator: '灵山卫街道办事处',
    openedOn: '2016-03-01',
  };
  const ok = accountInputSchema.safeParse(base);
  assert.ok(ok.success);
  assert.equal(ok.data.platformOther, null);
  const other = accountInputSchema.safeParse({ ...base, platform: 'other' });
  assert.ok(!other.success);
  assert.equal(other.error.issues[0]?.message, '平台选“其他”时请填写平台名称');
  const bad = accountInputSchema.safeParse({ ...base, openedOn: '2021-02-30' });
  assert.ok(!bad.success);
  assert.match(bad.error.issues[0]?.message ?? '', /开通日期应为有效日期/);
});

test('closing: not twice, not before opening, not in the future', () => {
  const open = { status: 'active' as const, openedOn: '2016-03-01' };
  const input = (closedOn: string) => ({ closedOn, reason: '长期未更新' });
  assert.equal(closeProblem(open, input('2021-06-30'), '2021-07-01'), null);
  assert.equal(closeProblem(open, input('2015-01-01'), '2021-07-01')?.field, 'closedOn');
  assert.equal(closeProblem(open, input('2021-07-02'), '2021-07-01')?.field, 'closedOn');
  assert.equal(
    closeProblem({ ...open, status: 'closed' }, input('2021-06-30'), '2021-07-01')?.field,
    '_form',
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EMPTY_DRAFT,
  guideInputSchema,
  isGenericOfficeName,
  missingFacts,
  onlineForm,
  requestChannels,
} from './guide.js';

const office = {
  name: '综合办公室',
  address: '青岛市西海岸新区灵岩路77号',
  hours: '法定工作日 上午9:00—12:00',
  phone: '0532-83185761',
  fax: null,
  email: 'lsw@example.gov.cn',
  website: null,
};
const draft = { ...EMPTY_DRAFT, competentOffice: '青岛市黄岛区人民政府办公室' };
const slug = 'lingshanwei';

test('a name that merely repeats the generic term is not a name', () => {
  for (const generic of [
    '政府信息公开工作机构',
    '本机关政府信息公开工作机构',
    '本机关的政府信息公开工作机构',
    '工作机构',
    '信息公开工作机构',
    '（政府信息公开工作机构）',
    '暂无',
    '　',
  ])
    assert.equal(isGenericOfficeName(generic), true, generic);
  for (const real of [
    '综合办公室',
    '区政府办公室',
    '政务公开办公室',
    '党政办公室（政府信息公开工作机构）',
  ])
    assert.equal(isGenericOfficeName(real), false, real);
});

test('a complete guide misses nothing; each missing fact is named with its field', () => {
  assert.deepEqual(missingFacts({ office, draft, slug }), []);
  // 黄岛区 today: no office at all (the platform's form is still its internet contact).
  const empty = missingFacts({
    slug: 'huangdao',
    office: {
      name: null,
      address: null,
      hours: null,
      phone: null,
      fax: null,
      email: null,
      website: null,
    },
    draft: EMPTY_DRAFT,
  });
  assert.deepEqual(
    empty.map((m) => m.field),
    ['officeName', 'officeAddress', 'officeHours', 'officePhone', 'competentOffice'],
  );
  const generic = missingFacts({
    office: { ...office, name: '政府信息公开工作机构' },
    draft,
    slug,
  });
  assert.equal(generic.length, 1);
  assert.match(generic[0]!.fix, /只是通称/);
});

test("the platform's own form is the online channel unless the agency sets another address", () => {
  const noEmail = { ...office, email: null };
  assert.equal(onlineForm({ draft, slug }), '/agencies/lingshanwei/requests/apply');
  assert.deepEqual(missingFacts({ office: noEmail, draft, slug }), []);
  const elsewhere = { ...draft, onlineFormUrl: 'https://xxgk.example.gov.cn/apply' };
  assert.equal(onlineForm({ draft: elsewhere, slug }), 'https://xxgk.example.gov.cn/apply');
  // Only without any internet contact at all is it missing.
  assert.deepEqual(
    missingFacts({ office: noEmail, draft, slug: '' }).map((m) => m.field),
    ['officeEmail'],
  );
});

test('the channels are the two basic ones plus exactly those registered', () => {
  assert.deepEqual(
    requestChannels({ office: { ...office, email: null }, draft, slug }).map((c) => [
      c.kind,
      c.target,
    ]),
    [
      ['in_person', office.address],
      ['post', office.address],
      ['online', '/agencies/lingshanwei/requests/apply'],
    ],
  );
  assert.deepEqual(
    requestChannels({
      office: { ...office, fax: '0532-83185762' },
      draft: { ...draft, onlineFormUrl: 'https://example.gov.cn/apply' },
      slug,
    }).map((c) => c.kind),
    ['in_person', 'post', 'online', 'email', 'fax'],
  );
});

test('the guide form checks postcode, addresses and keeps the office rules of the agency form', () => {
  const values = {
    officeName: '综合办公室',
    officeAddress: '',
    officeHours: '',
    officePhone: '0532-83185761',
    officeFax: '',
    officeEmail: '',
    officeWebsite: '',
    postcode: '26640',
    onlineFormUrl: 'javascript:alert(1)',
    competentOffice: '',
    reconsiderationBody: '',
    arrangementNote: '第一行\n第二行',
    otherNote: '',
  };
  const r = guideInputSchema.safeParse(values);
  assert.ok(!r.success);
  const fields = Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  assert.match(fields.postcode ?? '', /6 位数字/);
  assert.match(fields.onlineFormUrl ?? '', /https:\/\//);
  const fixed = guideInputSchema.safeParse({ ...values, postcode: '266400', onlineFormUrl: '' });
  assert.ok(fixed.success);
  assert.equal(fixed.data.arrangementNote, '第一行\n第二行');
  assert.equal(fixed.data.officeAddress, null);
  const badPhone = guideInputSchema.safeParse({
    ...values,
    postcode: '',
    onlineFormUrl: '',
    officePhone: 'abc',
  });
  assert.ok(!badPhone.success);
});

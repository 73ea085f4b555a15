import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PERSON } from '../../test/support/requests.js';
import { applicationErrors, applicationSchemaFor } from './application.js';

const schema = applicationSchemaFor('2026-12-01');

const errorsOf = (value: unknown) => {
  const r = schema.safeParse(value);
  assert.equal(r.success, false);
  return applicationErrors(r.error!);
};

test('the issue example parses, with the fields an organisation does not use left empty', () => {
  const r = schema.parse(PERSON);
  assert.equal(r.applicant.idNumber, '370211198001011239');
  assert.equal(r.applicant.creditCode, null);
  assert.deepEqual(r.items, [
    { title: null, documentNumber: null, description: '灵山卫街道2021年征地规划文件' },
  ]);
  assert.deepEqual(r.delivery, { form: 'electronic', method: 'email', acceptOther: false });
});

test('an organisation gives its credit code, legal representative and contact person', () => {
  const org = {
    ...PERSON,
    applicant: {
      category: 'commercial_enterprise',
      name: '青岛演示贸易有限公司',
      creditCode: '91370211ma00000013',
      legalRepresentative: '王演示',
      contactName: '李演示',
      phone: '0532-80000001',
      email: 'office@example.com',
    },
  };
  const r = schema.parse(org);
  assert.equal(r.applicant.creditCode, '91370211MA00000013');
  assert.equal(r.applicant.idType, null);
  assert.deepEqual(
    errorsOf({
      ...org,
      applicant: { ...org.applicant, creditCode: '91370211MA00000014', contactName: '' },
    }),
    {
      'applicant.creditCode':
        '统一社会信用代码校验位不正确：按前 17 位计算，最后一位应为 3，请核对是否输错',
      'applicant.contactName': '请填写联系人姓名',
    },
  );
});

test('one Chinese message per field, at the dotted path the form and the API share', () => {
  const errors = errorsOf({
    applicant: { ...PERSON.applicant, idNumber: '370211198001011230', phone: 'abc', email: '' },
    items: [{ description: '' }],
    delivery: { form: 'x', method: 'email' },
  });
  assert.deepEqual(Object.keys(errors).sort(), [
    'applicant.idNumber',
    'applicant.phone',
    'delivery.form',
    'items.0.description',
  ]);
  assert.equal(errors['delivery.form'], '请选择获取信息的形式');
  for (const message of Object.values(errors)) assert.match(message, /[\u4e00-\u9fff]/);
});

test('delivery must be possible with the contact details given', () => {
  assert.deepEqual(errorsOf({ ...PERSON, applicant: { ...PERSON.applicant, email: '' } }), {
    'applicant.email': '选择以电子邮件方式获取信息的，请填写电子邮箱',
  });
});

test('wrong JSON types and missing fields are named in Chinese', () => {
  const errors = errorsOf({ applicant: { category: 'natural_person', name: 5 }, delivery: {} });
  assert.equal(errors['applicant.name'], '姓名或名称的值类型不正确');
  assert.equal(errors['applicant.phone'], '请填写联系电话');
  assert.equal(errors.items, '请填写所需信息');
  assert.equal(errors['delivery.method'], '请选择获取信息的方式');
  assert.equal(errorsOf({}).applicant, '请填写申请人');
});

test('at most 20 items, each with something to look it up by', () => {
  const many = Array.from({ length: 21 }, () => ({ description: '文件' }));
  assert.match(errorsOf({ ...PERSON, items: many }).items ?? '', /最多/);
  assert.equal(
    schema.safeParse({ ...PERSON, items: [{ documentNumber: '青西新灵办发〔2021〕1号' }] }).success,
    true,
  );
});

// Redaction: every form a value takes in stored text is replaced, organisations keep their
// name, and a value that survives (split across .docx runs) is refused, never passed over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ApplicantRecord } from '../requests/request.js';
import {
  personalValues,
  purgedApplicant,
  REDACTED,
  RedactionError,
  redactDocx,
  redactHtml,
  redactJson,
} from './redact.js';

const person: ApplicantRecord = {
  name: "O'Brien 张",
  idType: 'resident_id_card',
  idNumber: '37021119800101123x',
  creditCode: null,
  legalRepresentative: null,
  contactName: null,
  phone: '13800000001',
  address: '青岛市黄岛区 A&B 路 1 号',
  email: 'a@example.cn',
};

test('values longest first; one-character values left; both cases of an ID ending in x', () => {
  const v = personalValues({ ...person, contactName: '李' }, 'natural_person');
  assert.ok(!v.includes('李'));
  assert.ok(v.includes('37021119800101123x') && v.includes('37021119800101123X'));
  assert.deepEqual(
    v,
    [...v].sort((a, b) => b.length - a.length),
  );
});

test('an organisation keeps its name and credit code; the people behind it go', () => {
  const org = {
    ...person,
    name: '青岛演示置业有限公司',
    creditCode: '91370211MA00000000',
    contactName: '王五',
  };
  const p = purgedApplicant(org, 'commercial_enterprise');
  assert.equal(p.name, '青岛演示置业有限公司');
  assert.equal(p.creditCode, '91370211MA00000000');
  assert.deepEqual([p.contactName, p.phone, p.address, p.email], [null, REDACTED, null, null]);
  assert.ok(!personalValues(org, 'commercial_enterprise').includes('青岛演示置业有限公司'));
  assert.equal(purgedApplicant(person, 'natural_person').name, REDACTED);
});

test('HTML: plain and escaped forms are replaced; JSON strings too', () => {
  const values = personalValues(person, 'natural_person');
  const html = `<p>O&#39;Brien 张：</p><p>青岛市黄岛区 A&amp;B 路 1 号 13800000001</p>`;
  const out = new TextDecoder().decode(redactHtml(new TextEncoder().encode(html), values));
  assert.equal(out, `<p>${REDACTED}：</p><p>${REDACTED} ${REDACTED}</p>`);
  assert.deepEqual(redactJson({ reasons: ["致 O'Brien 张"], n: 3 }, values), {
    reasons: [`致 ${REDACTED}`],
    n: 3,
  });
});

test('.docx: replaced in every XML part; a value split across runs is refused', () => {
  const values = personalValues(person, 'natural_person');
  const docx = zipSync({
    'word/document.xml': strToU8(`<w:t>O&apos;Brien 张</w:t><w:t>a@example.cn</w:t>`),
    'docProps/core.xml': strToU8(`<dc:creator>13800000001</dc:creator>`),
    'word/media/x.png': new Uint8Array([1, 2, 3]),
  });
  const out = unzipSync(redactDocx(docx, values));
  assert.equal(
    strFromU8(out['word/document.xml']!),
    `<w:t>${REDACTED}</w:t><w:t>${REDACTED}</w:t>`,
  );
  assert.equal(strFromU8(out['docProps/core.xml']!), `<dc:creator>${REDACTED}</dc:creator>`);
  assert.deepEqual(out['word/media/x.png'], new Uint8Array([1, 2, 3]));
  const split = zipSync({ 'word/document.xml': strToU8(`<w:t>138000</w:t><w:t>00001</w:t>`) });
  assert.throws(() => redactDocx(split, values), RedactionError);
});

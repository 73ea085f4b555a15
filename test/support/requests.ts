// Applications used by the requests tests: obviously fictitious people with valid numbers.

/** The JSON example, filled in. */
export const PERSON = {
  applicant: {
    category: 'natural_person',
    name: '张演示',
    idType: 'resident_id_card',
    idNumber: '370211198001011239',
    phone: '13800000001',
    address: '青岛市西海岸新区演示路1号',
    email: 'zhang@example.com',
  },
  items: [{ description: '灵山卫街道2021年征地规划文件' }],
  delivery: { form: 'electronic', method: 'email' },
};

export const ORGANISATION = {
  ...PERSON,
  applicant: {
    category: 'commercial_enterprise',
    name: '青岛演示贸易有限公司',
    creditCode: '91370211MA00000013',
    legalRepresentative: '王演示',
    contactName: '李演示',
    phone: '0532-80000001',
    email: 'office@example.com',
  },
};

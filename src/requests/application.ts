// The one schema of an application for disclosure (第29条), used by the public form, the
// staff registration form and the JSON API alike. Field names are the API's
// (`applicant.name`, `items.0.description`, `delivery.method`); the forms use the same
// names as dotted field names, so an error message lands on the same field everywhere.
import { z } from 'zod';
import {
  multiLine,
  optionalEmail,
  optionalSingleLine,
  singleLine,
} from '../validation/text-input.js';
import { APPLICANT_CATEGORIES, type ApplicantCategory } from './case.js';
import { checkCreditCode, checkIdNumber, ID_TYPES } from './identity.js';

/**
 * How the public form names each applicant category (the wording of 第二十七条, so an
 * applicant recognises themself); table 三 and staff pages use the core's
 * `APPLICANT_CATEGORY_LABELS` (case.ts), the categories themselves are defined there.
 */
export const APPLICANT_CATEGORY_FORM_LABELS: Readonly<Record<ApplicantCategory, string>> = {
  natural_person: '自然人（公民）',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  social_welfare_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他法人或者其他组织',
};

export const DELIVERY_FORMS = ['paper', 'electronic', 'storage_medium', 'inspection'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
export const DELIVERY_FORM_LABELS: Readonly<Record<DeliveryForm, string>> = {
  paper: '纸质文本',
  electronic: '电子文件',
  storage_medium: '光盘或U盘',
  inspection: '当场查阅、抄录',
};

export const DELIVERY_METHODS = ['post', 'email', 'pickup', 'on_site', 'fax'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '自行领取',
  on_site: '当场查阅、抄录',
  fax: '传真',
};

export const MAX_ITEMS = 20;

const PHONE = /^[0-9()（）+\-－\s转]{7,30}$/;

const optional = (label: string, max: number) =>
  optionalSingleLine(label, max)
    .optional()
    .transform((v) => v ?? null);

const itemSchema = z
  .object({
    title: optional('信息名称', 200),
    documentNumber: optional('文号', 100),
    description: multiLine('内容描述')
      .max(2000, '内容描述不能超过 2000 个字')
      .optional()
      .transform((v) => v ?? ''),
  })
  .superRefine((item, ctx) => {
    if (!item.title && !item.documentNumber && item.description === '')
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: '请写明所需信息的名称、文号或者便于查询的其他特征性描述（至少一项）',
      });
  });

/**
 * The schema, given today's date (a birth date in an ID number may not be after it). The
 * OpenAPI document uses the same shape (see `applicationApiSchema`).
 */
export function applicationSchemaFor(today: string) {
  const applicant = z
    .object({
      category: z.enum(APPLICANT_CATEGORIES, { error: '请选择申请人类型' }),
      name: singleLine('姓名或名称').max(100, '姓名或名称不能超过 100 个字'),
      idType: z.enum(ID_TYPES, { error: '请选择证件类型' }).optional(),
      idNumber: optional('证件号码', 40),
      creditCode: optional('统一社会信用代码', 40),
      legalRepresentative: optional('法定代表人', 60),
      contactName: optional('联系人', 60),
      phone: singleLine('联系电话')
        .min(1, '请填写联系电话')
        .regex(PHONE, '联系电话只能包含数字、区号连字符和括号，如 13800001234 或 0532-83185761'),
      address: optional('联系地址', 200),
      email: optionalEmail('电子邮箱', 'name@example.com')
        .optional()
        .transform((v) => v ?? null),
    })
    // Runs even when another field failed, so the person sees every problem at once; the
    // values may then be of any type, hence the guards.
    .superRefine(
      (a, ctx) => {
        const issue = (field: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [field], message });
        const text = (v: unknown) => (typeof v === 'string' ? v : '');
        const person = a.category === 'natural_person';
        if (a.category !== undefined && typeof a.name === 'string' && a.name === '')
          issue('name', person ? '请填写申请人姓名' : '请填写法人或者其他组织的名称');
        if (person) {
          if (!a.idType) issue('idType', '请选择证件类型');
          else if ((ID_TYPES as readonly unknown[]).includes(a.idType)) {
            const r = checkIdNumber(a.idType, text(a.idNumber), today);
            if (!r.ok) issue('idNumber', r.message);
          }
          if (!a.address) issue('address', '请填写联系地址');
        } else if ((APPLICANT_CATEGORIES as readonly unknown[]).includes(a.category)) {
          const r = checkCreditCode(text(a.creditCode));
          if (!r.ok) issue('creditCode', r.message);
          if (!a.legalRepresentative)
            issue('legalRepresentative', '请填写法定代表人或者负责人姓名');
          if (!a.contactName) issue('contactName', '请填写联系人姓名');
        }
      },
      { when: (p) => typeof p.value === 'object' && p.value !== null },
    )
    .transform((a) => {
      const person = a.category === 'natural_person';
      const id = person && a.idType ? checkIdNumber(a.idType, a.idNumber ?? '', today) : null;
      const credit = person ? null : checkCreditCode(a.creditCode ?? '');
      return {
        category: a.category,
        name: a.name,
        idType: person ? (a.idType ?? null) : null,
        idNumber: id?.ok ? id.value : null,
        creditCode: credit?.ok ? credit.value : null,
        legalRepresentative: person ? null : a.legalRepresentative,
        contactName: person ? null : a.contactName,
        phone: a.phone,
        address: a.address,
        email: a.email,
      };
    });

  return z
    .object({
      applicant,
      items: z
        .array(itemSchema, { error: '请填写所需信息' })
        .min(1, '请至少填写一项所需信息')
        .max(MAX_ITEMS, `一份申请最多填写 ${MAX_ITEMS} 项所需信息；更多的请另行申请`),
      delivery: z.object(
        {
          form: z.enum(DELIVERY_FORMS, { error: '请选择获取信息的形式' }),
          method: z.enum(DELIVERY_METHODS, { error: '请选择获取信息的方式' }),
          acceptOther: z
            .boolean({ error: '是否接受其他方式应为 true 或 false' })
            .optional()
            .default(false),
        },
        { error: '请选择获取信息的形式和方式' },
      ),
    })
    .superRefine((app, ctx) => {
      // The delivery chosen must be possible with the contact details given (checked once
      // the rest is valid: a half-typed applicant block would only repeat its own errors).
      if (app.delivery.method === 'email' && !app.applicant.email)
        ctx.addIssue({
          code: 'custom',
          path: ['applicant', 'email'],
          message: '选择以电子邮件方式获取信息的，请填写电子邮箱',
        });
      if (app.delivery.method === 'post' && !app.applicant.address)
        ctx.addIssue({
          code: 'custom',
          path: ['applicant', 'address'],
          message: '选择邮寄方式的，请填写联系地址',
        });
    });
}

export type Application = z.output<ReturnType<typeof applicationSchemaFor>>;
export type Applicant = Application['applicant'];
export type InformationItem = Application['items'][number];

/** The shape for the OpenAPI document (a birth date is checked against the day of the call). */
export const applicationApiSchema = applicationSchemaFor('9999-12-31');

/** Chinese names of the fields, for error summaries and type errors. */
export const APPLICATION_FIELD_LABELS: Readonly<Record<string, string>> = {
  applicant: '申请人',
  delivery: '获取信息的形式和方式',
  'applicant.category': '申请人类型',
  'applicant.name': '姓名或名称',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.creditCode': '统一社会信用代码',
  'applicant.legalRepresentative': '法定代表人',
  'applicant.contactName': '联系人',
  'applicant.phone': '联系电话',
  'applicant.address': '联系地址',
  'applicant.email': '电子邮箱',
  items: '所需信息',
  'delivery.form': '获取信息的形式',
  'delivery.method': '获取信息的方式',
  'delivery.acceptOther': '是否接受其他方式',
};

/** A field's label, items included (`items.1.title` → 第 2 项信息名称). */
export function applicationFieldLabel(key: string): string {
  const item = /^items\.(\d+)\.(\w+)$/.exec(key);
  if (item) {
    const names: Record<string, string> = {
      title: '信息名称',
      documentNumber: '文号',
      description: '内容描述',
    };
    return `第 ${Number(item[1]) + 1} 项${names[item[2] ?? ''] ?? ''}`;
  }
  return APPLICATION_FIELD_LABELS[key] ?? key;
}

/**
 * One Chinese message per field, keyed by the dotted path (`applicant.idNumber`): the first
 * issue of each field wins. Zod's own type messages are English, so a value of the wrong
 * JSON type is named here in Chinese.
 */
export function applicationErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (key in out) continue;
    const english = !/[\u4e00-\u9fff]/.test(issue.message);
    const label = applicationFieldLabel(key);
    out[key] = !english
      ? issue.message
      : /received undefined/.test(issue.message)
        ? `请填写${label}`
        : `${label}的值类型不正确`;
  }
  return out;
}

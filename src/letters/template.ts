// A letter template: its parts (title, number format, addressee, body …) as text with
// placeholders in braces, e.g. 「本机关于{收到申请日期}收到您……」. Parsing finds every
// placeholder with its line and column, so an unknown one is reported where it is; a
// template lacking one its kind requires (the remedies' bodies in a reply letter, say) is
// refused. Pure: no I/O. See docs/decisions/0018-letters.md.
import { LETTER_KIND_INFO, type LetterKind } from './kinds.js';
import {
  PLACEHOLDERS,
  placeholderByName,
  placeholdersOf,
  type PlaceholderKey,
} from './placeholders.js';

export const TEMPLATE_PARTS = [
  'title',
  'numberPattern',
  'addressee',
  'body',
  'closing',
  'signature',
  'dateLine',
  'footer',
  'slip',
] as const;

export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

/** A template's parts; multi-line parts print one line (or paragraph) per line. */
export type LetterTemplate = Record<TemplatePart, string>;

export interface TemplatePartInfo {
  label: string;
  hint: string;
  multiLine: boolean;
  required: boolean;
  maxLength: number;
}

export const TEMPLATE_PART_INFO: Readonly<Record<TemplatePart, TemplatePartInfo>> = {
  title: {
    label: '标题',
    hint: '每行一行标题，居中排印，如第一行{机关名称}、第二行文书名称',
    multiLine: true,
    required: true,
    maxLength: 200,
  },
  numberPattern: {
    label: '文书编号格式',
    hint: '须含{年份}和{序号}，可用{机关简称}和{代字}，如“{机关简称}依申{代字}〔{年份}〕{序号}号”；年份用六角括号〔〕',
    multiLine: false,
    required: true,
    maxLength: 60,
  },
  addressee: {
    label: '称谓（主送）',
    hint: '顶格排印，以全角冒号结束，如“{申请人}：”',
    multiLine: false,
    required: true,
    maxLength: 60,
  },
  body: {
    label: '正文',
    hint: '每行一段，排印时首行缩进两字',
    multiLine: true,
    required: true,
    maxLength: 6000,
  },
  closing: {
    label: '结束语',
    hint: '如“特此告知。”或“特此答复。”',
    multiLine: false,
    required: true,
    maxLength: 30,
  },
  signature: {
    label: '落款（发文机关署名）',
    hint: '右下方排印，印章盖在署名和成文日期上',
    multiLine: true,
    required: true,
    maxLength: 200,
  },
  dateLine: {
    label: '成文日期',
    hint: '如“{成文日期}”，打印为“2024年3月12日”',
    multiLine: false,
    required: true,
    maxLength: 40,
  },
  footer: {
    label: '附注',
    hint: '可不填；如联系人及电话。占位符都为空的行不打印',
    multiLine: true,
    required: false,
    maxLength: 500,
  },
  slip: {
    label: '回执联',
    hint: '可不填；第一行为回执标题，其余每行一段，另起一页排印（如征求意见确认函）',
    multiLine: true,
    required: false,
    maxLength: 2000,
  },
};

/** Placeholders of the letter-number format only. */
export const NUMBER_PLACEHOLDERS = {
  agencyShortName: '机关简称',
  familyCode: '代字',
  year: '年份',
  seq: '序号',
} as const;
export type NumberPlaceholder = keyof typeof NUMBER_PLACEHOLDERS;

export type Segment = { text: string } | { key: string; line: number; column: number };

export interface ParseProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * Splits `text` into literal text and placeholder names. Line and column are 1-based and
 * count characters as people do. A brace that opens no placeholder, or a full-width brace
 * typed by the input method, is a problem: it would otherwise print as it stands.
 */
export function parseTemplateText(text: string): { segments: Segment[]; problems: ParseProblem[] } {
  const segments: Segment[] = [];
  const problems: ParseProblem[] = [];
  const chars = [...text];
  let line = 1;
  let column = 1;
  let literal = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '{') {
      const start = { line, column };
      let j = i + 1;
      let name = '';
      while (j < chars.length && chars[j] !== '}' && chars[j] !== '\n' && chars[j] !== '{') {
        name += chars[j];
        j++;
      }
      if (chars[j] !== '}') {
        problems.push({ ...start, message: '“{”没有对应的“}”，占位符应写成{名称}的形式' });
        literal += ch;
        column++;
        continue;
      }
      if (literal) segments.push({ text: literal });
      literal = '';
      segments.push({ key: name.trim(), ...start });
      column += j - i + 1;
      i = j;
      continue;
    }
    if (ch === '}') {
      problems.push({ line, column, message: '多余的“}”' });
    } else if (ch === '｛' || ch === '｝') {
      problems.push({
        line,
        column,
        message: `全角括号“${ch}”：占位符请使用半角花括号{ }`,
      });
    }
    literal += ch;
    if (ch === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  if (literal) segments.push({ text: literal });
  return { segments, problems };
}

function where(info: TemplatePartInfo, p: { line: number; column: number }): string {
  return info.multiLine ? `第${p.line}行第${p.column}个字处` : `第${p.column}个字处`;
}

/**
 * Checks a template of `kind`: every placeholder known to the kind, the required ones
 * present, the remedies stated in a reply letter. One Chinese message per part with a
 * problem (the first one found), or an empty object.
 */
export function checkTemplate(kind: LetterKind, template: LetterTemplate): Record<string, string> {
  const errors: Record<string, string> = {};
  const allowed = new Set<string>(placeholdersOf(kind).map((k) => PLACEHOLDERS[k].name));
  const numberNames = new Set<string>(Object.values(NUMBER_PLACEHOLDERS));
  const used = new Set<PlaceholderKey>();
  const allowedList = [...allowed].map((n) => `{${n}}`).join('、');
  for (const part of TEMPLATE_PARTS) {
    const info = TEMPLATE_PART_INFO[part];
    const text = template[part];
    if (info.required && text.trim() === '') {
      errors[part] = `请填写${info.label}`;
      continue;
    }
    if ([...text].length > info.maxLength) {
      errors[part] = `${info.label}不能超过${info.maxLength}个字`;
      continue;
    }
    if (!info.multiLine && /[\r\n]/.test(text)) {
      errors[part] = `${info.label}只能写一行`;
      continue;
    }
    const { segments, problems } = parseTemplateText(text);
    const first = problems[0];
    if (first) {
      errors[part] = `${info.label}${where(info, first)}：${first.message}`;
      continue;
    }
    for (const s of segments) {
      if (!('key' in s)) continue;
      const known = part === 'numberPattern' ? numberNames.has(s.key) : allowed.has(s.key);
      if (!known) {
        const list =
          part === 'numberPattern' ? [...numberNames].map((n) => `{${n}}`).join('、') : allowedList;
        errors[part] =
          `${info.label}${where(info, s)}的占位符{${s.key}}不存在，${LETTER_KIND_INFO[kind].name}可用的占位符有：${list}`;
        break;
      }
      const key = placeholderByName(s.key);
      if (key) used.add(key);
    }
    if (errors[part]) continue;
    if (part === 'numberPattern') {
      const names = new Set(segments.flatMap((s) => ('key' in s ? [s.key] : [])));
      for (const need of [NUMBER_PLACEHOLDERS.year, NUMBER_PLACEHOLDERS.seq]) {
        if (!names.has(need)) {
          errors[part] = `${info.label}缺少必需的占位符{${need}}`;
          break;
        }
      }
    }
  }
  if (Object.keys(errors).length > 0) return errors;
  for (const key of requiredPlaceholders(kind)) {
    if (!used.has(key)) {
      errors._form = `模板缺少必需的占位符{${PLACEHOLDERS[key].name}}，${LETTER_KIND_INFO[kind].name}必须写明它`;
      return errors;
    }
  }
  if (!/\{机关名称\}/.test(template.signature)) {
    errors.signature = `${TEMPLATE_PART_INFO.signature.label}须含{机关名称}`;
  }
  if (!/\{成文日期\}/.test(template.dateLine)) {
    errors.dateLine = `${TEMPLATE_PART_INFO.dateLine.label}须含{成文日期}`;
  }
  if (LETTER_KIND_INFO[kind].reply) {
    const remedy = remedyProblem(template.body);
    if (remedy) errors.body = remedy;
  }
  return errors;
}

/** A reply letter must tell the applicant of reconsideration (60 days) and litigation (6 months). */
export function remedyProblem(body: string): string | null {
  const missing: string[] = [];
  if (!/行政复议/.test(body) || !/(60|六十)日/.test(body)) missing.push('60日内申请行政复议');
  if (!/行政诉讼/.test(body) || !/(6|六)个月/.test(body)) missing.push('6个月内提起行政诉讼');
  return missing.length === 0
    ? null
    : `答复告知书的正文须告知救济途径：${missing.join('、')}（条例第五十一条，行政复议法第二十条、行政诉讼法第四十六条）`;
}

/** The placeholders a template of `kind` must use (the addressee and what the letter is for). */
export function requiredPlaceholders(kind: LetterKind): readonly PlaceholderKey[] {
  const base: PlaceholderKey[] = [];
  if (LETTER_KIND_INFO[kind].addressedTo === 'applicant') base.push('applicant', 'receivedOn');
  else base.push('thirdParty');
  const own: Record<LetterKind, PlaceholderKey[]> = {
    receipt: ['dueOn'],
    correction_notice: ['correctionItems', 'correctionDueOn'],
    extension_notice: ['extendedDueOn'],
    third_party_consultation: ['consultationExtract', 'consultationDueOn'],
    consultation_notice: [],
    fee_notice: ['feeAmount', 'paymentDueOn'],
    reply_disclosed: ['legalBasis', 'provision', 'reconsiderationBody', 'court'],
    reply_partially_disclosed: [
      'legalBasis',
      'reasons',
      'provision',
      'reconsiderationBody',
      'court',
    ],
    reply_withheld: ['legalBasis', 'reasons', 'reconsiderationBody', 'court'],
    reply_unavailable: ['legalBasis', 'reasons', 'reconsiderationBody', 'court'],
    reply_not_processed: ['legalBasis', 'reasons', 'reconsiderationBody', 'court'],
    reply_other: ['legalBasis', 'reasons', 'reconsiderationBody', 'court'],
  };
  return [...base, ...own[kind]];
}

// Reading a catalogue exported from an agency's old portal: which column is which (the
// header names and the variants real exports use), and each row checked into an item to
// store, or refused with its row number and the reason in Chinese. Pure: no I/O.
// See docs/decisions/0024-catalogue-import-and-table-2.md.
import { checkIsoDate } from '../../calendar/dates.js';
import { textProblem } from '../../validation/text-input.js';
import { urlKeyOf } from '../index-number.js';
import {
  CATEGORIES,
  GENRES,
  MAX_BODY_LENGTH,
  SUBJECTS,
  splitKeywords,
  type Validity,
} from '../item.js';

export const IMPORT_COLUMNS = [
  'indexNumber',
  'title',
  'issuer',
  'documentNumber',
  'writtenOn',
  'publishedOn',
  'subject',
  'summary',
  'body',
  'validity',
  'validityOn',
  'category',
  'genre',
  'keywords',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * The header of each column as the issue names it, then the variants met in real exports and
 * crawls of portals (test/fixtures/catalogue/README.md names them): a list page's bare 日期 or
 * 时间 is the date the portal published the item on.
 */
export const HEADER_NAMES: Readonly<Record<ImportColumn, readonly string[]>> = {
  indexNumber: ['索引号', '信息索引', '索引编号', '信息索引号'],
  title: ['名称', '标题', '信息名称', '公文名称', '文件名称', '政策标题', '题名'],
  issuer: [
    '发布机构',
    '发文机关',
    '发布单位',
    '发文机构',
    '发文单位',
    '办文部门',
    '颁布单位',
    '信息来源',
  ],
  documentNumber: ['文号', '发文字号', '发文文号'],
  writtenOn: ['成文日期', '生成日期', '发文日期', '成文时间'],
  publishedOn: ['发布日期', '发布时间', '公开日期', '公开时间', '颁布日期', '日期', '时间'],
  subject: ['主题分类', '主题', '分类', '主题名称'],
  summary: ['内容概述', '摘要', '内容摘要', '内容简介'],
  body: ['正文', '内容', '正文内容', '政策内容'],
  validity: ['有效性', '效力状态', '时效性', '有效状态', '现行状态'],
  validityOn: ['废止日期', '失效日期'],
  category: ['公开类别', '信息类别'],
  genre: ['体裁', '文种', '公文种类'],
  keywords: ['关键词', '主题词'],
};

/** Columns a file must have, and one of 成文日期 / 发布日期 (the rest are optional). */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['indexNumber', 'title', 'issuer'];

/**
 * Asked for explicitly (`--issue-index-numbers`, the console's checkbox), never assumed: a
 * row without 索引号 gets one from the platform's issuer, and one without 发布机构 the
 * agency's full name, so an old site's list that has neither can be brought in.
 */
export interface IssueOptions {
  issueIndexNumbers: boolean;
  /** The agency's full official name, the 发布机构 of rows that name none. */
  agencyName: string;
}

export const ISSUE_INDEX_NUMBERS_LABEL = '文件中没有索引号的，由本平台按本机关的前段码依次编号';

/** What a header cell is: spaces, full-width colons and a trailing 「（必填）」 or 「*」 ignored. */
const normalizeHeader = (h: string) =>
  h
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s:*]/g, '')
    .replace(/[(（][^)）]*[)）]$/, '');

export type HeaderMap = Partial<Record<ImportColumn, number>>;

/**
 * Crawls of portals and 汇总表 list 序号 but no 索引号 (the fixtures from Hebei portals do):
 * the number cannot be made up here, since the old URLs and the agency's own counter rest on it.
 */
const NO_INDEX_HINT = `。索引号是原门户网站为每条信息编的号，导入后保留不变：请从原网站的政府信息公开目录导出带索引号的文件；原网站没有索引号的，可勾选「${ISSUE_INDEX_NUMBERS_LABEL}」（命令行加 --issue-index-numbers），没有发布机构的填本机关全称`;

const noIndexHint = (header: readonly string[]) =>
  NO_INDEX_HINT +
  (header.some((h) => normalizeHeader(h) === '序号') ? '（「序号」只是行的编号，不是索引号）' : '');

const KNOWN_HEADERS = new Set(Object.values(HEADER_NAMES).flat());

/** The header cells the file has that name no column, so the user sees which to rename. */
function unknownHeaders(header: readonly string[]): string {
  const names = header
    .filter((raw) => !KNOWN_HEADERS.has(normalizeHeader(raw)))
    .map((raw) => raw.replace(/^\uFEFF/, '').trim())
    .filter((h) => h !== '');
  return names.length > 0 ? `。文件中未识别的列：${names.slice(0, 12).join('、')}` : '';
}

export type HeaderResult = { ok: true; map: HeaderMap } | { ok: false; error: string };

export function mapHeaders(
  header: readonly string[],
  options: { issueIndexNumbers?: boolean } = {},
): HeaderResult {
  const map: HeaderMap = {};
  const seen = new Map<ImportColumn, string>();
  header.forEach((raw, i) => {
    const h = normalizeHeader(raw);
    if (!h) return;
    for (const col of IMPORT_COLUMNS) {
      if (!HEADER_NAMES[col].includes(h)) continue;
      // 「内容」 may be a body or an overview: the first column named for it wins.
      if (map[col] === undefined) {
        map[col] = i;
        seen.set(col, raw.trim());
      }
      return;
    }
  });
  const required = options.issueIndexNumbers
    ? REQUIRED_COLUMNS.filter((c) => c !== 'indexNumber' && c !== 'issuer')
    : REQUIRED_COLUMNS;
  const missing = required.filter((c) => map[c] === undefined).map((c) => HEADER_NAMES[c][0]);
  if (map.writtenOn === undefined && map.publishedOn === undefined) missing.push('成文日期');
  if (missing.length > 0)
    return {
      ok: false,
      error: `第 1 行（表头）缺少以下列：${missing.join('、')}。表头应包含：索引号、名称、发布机构、文号、成文日期，可选：发布日期、主题分类、内容概述、正文、有效性${unknownHeaders(header)}${missing.includes('索引号') ? noIndexHint(header) : ''}`,
    };
  return { ok: true, map };
}

/** Dates as exports write them: 2021-03-05, 2021/3/5, 2021.03.05, 2021年3月5日, 20210305, with an optional time. */
export function parseLooseDate(
  text: string,
  label: string,
): { ok: true; date: string } | { ok: false; error: string } {
  const t = text
    .normalize('NFKC')
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m)
    return {
      ok: false,
      error: `${label}「${text.slice(0, 30)}」无法识别，应为年-月-日，如 2021-03-05`,
    };
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  const r = checkIsoDate(iso, label);
  return r.ok
    ? { ok: true, date: r.date }
    : { ok: false, error: r.error.replace(iso, text.trim()) };
}

/** An index number as portals issue them: 前段码/YYYY-NNNNN, YYYYMM-NNNNN, and other shapes. */
const INDEX_NUMBER = /^[A-Za-z0-9][A-Za-z0-9/\-_.]{2,79}$/;

const VALIDITY_WORDS: Readonly<Record<string, Validity>> = {
  有效: 'valid',
  现行有效: 'valid',
  生效: 'valid',
  失效: 'expired',
  已失效: 'expired',
  废止: 'repealed',
  已废止: 'repealed',
  已修改: 'amended',
  修改: 'amended',
  已修订: 'amended',
};

export interface ImportItem {
  /** The row number in the file as a spreadsheet shows it (the header is row 1). */
  line: number;
  /** Null when the file gives none and the platform is to issue one (IssueOptions). */
  indexNumber: string | null;
  urlKey: string | null;
  title: string;
  issuer: string;
  /** Whether 发布机构 is the agency's name because the row named none. */
  issuerFilled: boolean;
  documentNumber: string | null;
  /** 成文日期, when the file gives it. */
  writtenOn: string | null;
  publishedOn: string;
  subject: string;
  genre: string;
  category: string;
  keywords: string[];
  summary: string;
  /** As in the file; sanitised when stored. */
  body: string;
  validity: Validity;
  validityOn: string | null;
}

export interface RejectedRow {
  line: number;
  indexNumber: string | null;
  reason: string;
}

/** 主题分类 as exported, often two levels (「城乡建设、环境保护\\城市规划」): the first level. */
function subjectOf(raw: string): string {
  const first = raw.split(/[\\/>＞|]/)[0]?.trim() ?? '';
  return (
    SUBJECTS.find((s) => s === first) ?? SUBJECTS.find((s) => first && s.includes(first)) ?? '其他'
  );
}

/** 体裁: given, or the kind of 公文 the title ends with (「…的通知」 → 通知). */
function genreOf(raw: string, title: string): string {
  if (GENRES.includes(raw)) return raw;
  const bare = title.replace(/[（(][^）)]*[）)]$/, '');
  return GENRES.find((g) => g !== '其他' && bare.endsWith(g.replace(/（.*）/, ''))) ?? '其他';
}

/** 公文 kinds that are never a 规章 or 规范性文件, whatever 有效性 a portal shows beside them. */
const NEVER_NORMATIVE: readonly string[] = [
  '公报',
  '公告',
  '通告',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '公示',
];

/**
 * The form of a 规章 or 规范性文件, ending its name (「…管理办法」, 「…若干措施」, 「…实施意见」).
 * Not 决定: most are 表彰 or 任免; one that amends a 办法 names it in 《》.
 */
const NORMATIVE_FORM = /(办法|规定|细则|规则|条例|规范|标准|制度|措施|意见)$/;
/** A name's trailing notes: 「（试行）」, 「(2024 年修订)」. */
const TRAILING_NOTE = /\s*[（(][^（()）]*[）)]\s*$/;
/** 「关于印发…的通知」 without 《》: what is issued is the part between. */
const ISSUING = /(?:印发|转发|颁布|发布)(.+?)的(?:紧急)?通知$/;

function bareName(name: string): string {
  let bare = name.trim();
  while (TRAILING_NOTE.test(bare)) bare = bare.replace(TRAILING_NOTE, '');
  return bare;
}

/**
 * Whether a title names a normative document: the document it carries — each 《…》 in it,
 * else what a 「印发…的通知」 issues, else the title itself — is named as a normative form.
 * 「关于做好春节期间安全生产工作的通知」 is a 通知 and stays one; 「关于印发《…管理办法》的通知」 carries a 办法.
 */
export function titleNamesNormative(title: string): boolean {
  const quoted = [...title.matchAll(/《([^《》]+)》/g)].map((m) => m[1] ?? '');
  const issued = ISSUING.exec(title.replace(/\s+/g, ''))?.[1];
  const names = quoted.length > 0 ? quoted : [issued ?? title];
  return names.some((n) => NORMATIVE_FORM.test(bareName(n)));
}

/**
 * 公开类别: given (its code or label); else 第二十条（一） (table 二 counts these as 规章 and
 * 规范性文件) only for what is one — a 有效性 in the row (portals show it beside 规章 and
 * 规范性文件), of a kind of 公文 that can be normative (never a 公告, 通告, 公示…), and a title
 * that names a normative document, whatever kind of 公文 the row is: vendor portals mark every
 * row 有效, and most 通知 are no 规范性文件. Anything else is filed under （十五）: an ordinary
 * 通知 with 「有效」 beside it must not add to the year's 规范性文件 in table 二. The officer can
 * refile an item; a wrong count in a published report cannot be taken back.
 */
function categoryOf(
  raw: string,
  row: { hasValidity: boolean; genre: string; title: string },
): string | null {
  if (raw) {
    const found = CATEGORIES.find(
      (c) => c.code === raw || c.label === raw || c.label.endsWith(raw),
    );
    return found?.code ?? null;
  }
  if (!row.hasValidity || NEVER_NORMATIVE.includes(row.genre)) return 'a20-15';
  return titleNamesNormative(row.title) ? 'a20-1' : 'a20-15';
}

export interface CheckedRows {
  items: ImportItem[];
  rejected: RejectedRow[];
}

/**
 * Checks every data row (rows after the header). Blank rows are skipped; a row repeating an
 * index number already seen in the file is refused (the first one stays), as is one whose
 * number differs only in punctuation (its URL would be the same).
 */
export function checkRows(
  rows: readonly (readonly string[])[],
  map: HeaderMap,
  options: IssueOptions = { issueIndexNumbers: false, agencyName: '' },
): CheckedRows {
  const items: ImportItem[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const get = (c: ImportColumn) => {
      const at = map[c];
      return at === undefined ? '' : (row[at] ?? '').trim();
    };
    if (row.every((cell) => cell.trim() === '')) return;
    const indexNumber = get('indexNumber').normalize('NFKC');
    const refuse = (reason: string) =>
      rejected.push({ line, indexNumber: indexNumber || null, reason });
    if (!indexNumber && !options.issueIndexNumbers) return refuse('缺少索引号');
    if (indexNumber && !INDEX_NUMBER.test(indexNumber))
      return refuse(
        `索引号「${indexNumber.slice(0, 40)}」格式无法识别（只能由字母、数字和 / - _ . 组成）`,
      );
    const title = get('title');
    if (!title) return refuse('缺少名称（标题）');
    if (title.length > 200) return refuse('名称超过 200 个字');
    const issuerFilled = !get('issuer') && options.issueIndexNumbers;
    const issuer = issuerFilled ? options.agencyName : get('issuer');
    if (!issuer) return refuse('缺少发布机构');
    if (issuer.length > 100) return refuse('发布机构超过 100 个字');
    const documentNumber = get('documentNumber') || null;
    if (documentNumber && documentNumber.length > 60) return refuse('文号超过 60 个字');
    const writtenText = get('writtenOn');
    const publishedText = get('publishedOn');
    if (!writtenText && !publishedText) return refuse('缺少成文日期（或发布日期）');
    const written = writtenText ? parseLooseDate(writtenText, '成文日期') : null;
    if (written && !written.ok) return refuse(written.error);
    const published = publishedText ? parseLooseDate(publishedText, '发布日期') : written;
    if (!published?.ok) return refuse(published?.error ?? '缺少发布日期');
    if (written?.ok && published.date < written.date) return refuse('发布日期早于成文日期');
    const validityText = get('validity').replace(/\s/g, '');
    const validity = validityText ? VALIDITY_WORDS[validityText] : 'valid';
    if (!validity)
      return refuse(
        `有效性「${validityText.slice(0, 20)}」无法识别，应为：有效、失效、废止或已修改`,
      );
    const validityOnText = get('validityOn');
    const validityOn = validityOnText ? parseLooseDate(validityOnText, '废止（失效）日期') : null;
    if (validityOn && !validityOn.ok) return refuse(validityOn.error);
    const genre = genreOf(get('genre'), title);
    const category = categoryOf(get('category'), {
      hasValidity: validityText !== '',
      genre,
      title,
    });
    if (!category) return refuse(`公开类别「${get('category').slice(0, 30)}」不是本平台的类别`);
    const summary = get('summary');
    if (summary.length > 500) return refuse('内容概述超过 500 个字');
    const body = get('body');
    if (body.length > MAX_BODY_LENGTH) return refuse(`正文超过 ${MAX_BODY_LENGTH} 个字`);
    const texts: [string, string, 'single' | 'multi'][] = [
      [title, '名称', 'single'],
      [issuer, '发布机构', 'single'],
      [documentNumber ?? '', '文号', 'single'],
      [summary, '内容概述', 'multi'],
      [body, '正文', 'multi'],
    ];
    for (const [value, label, kind] of texts) {
      const problem = textProblem(value, label, kind, '请在原文件中改正');
      if (problem) return refuse(problem);
    }
    const urlKey = indexNumber ? urlKeyOf(indexNumber) : null;
    const earlier = urlKey === null ? undefined : seen.get(urlKey);
    if (earlier !== undefined) return refuse(`索引号与第 ${earlier} 行重复`);
    if (urlKey !== null) seen.set(urlKey, line);
    items.push({
      line,
      indexNumber: indexNumber || null,
      urlKey,
      title,
      issuer,
      issuerFilled,
      documentNumber,
      writtenOn: written?.ok ? written.date : null,
      publishedOn: published.date,
      subject: subjectOf(get('subject')),
      genre,
      category,
      keywords: splitKeywords(get('keywords')).slice(0, 10),
      summary,
      body,
      validity,
      validityOn: validityOn?.ok ? validityOn.date : null,
    });
  });
  return { items, rejected };
}

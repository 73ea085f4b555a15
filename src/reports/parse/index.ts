// Contract of the report parser: bytes of a published report in, a report model (or a
// clear Chinese reason why it cannot be read) out. Never throws for bad input.
//
// Every input kind (text, HTML, .docx, PDF, Markdown) is first turned into the same
// intermediate form (lines of cells, see document.ts); one recogniser then maps it onto
// the format definition. JSON is already the model and is only validated.
import type { AnnualReport, Finding } from '../model.js';
import { reportFromJson } from '../json.js';
import { decodeText } from './decode.js';
import { binaryKind, textKind } from './detect.js';
import type { SourceLine } from './document.js';
import { linesFromDocx } from './from-docx.js';
import { linesFromHtml } from './from-html.js';
import { linesFromMarkdown } from './from-markdown.js';
import { linesFromPdf } from './from-pdf.js';
import { linesFromText } from './from-text.js';
import { LIMIT_ERRORS, READ_LIMITS, ReadLimitError, type ReadLimits } from './limits.js';
import { withPreamble } from './preamble.js';
import { recognise } from './recognise.js';

export interface ParseInput {
  bytes: Uint8Array;
  /** Used to tell the file type when the bytes alone do not (e.g. .txt vs .md). */
  filename?: string;
  /** What the file may cost to read; READ_LIMITS unless a caller needs others. */
  limits?: ReadLimits;
}

export type ParseResult =
  | {
      ok: true;
      report: AnnualReport;
      /** CELL_AMBIGUOUS: what the parser had to guess */ findings: Finding[];
    }
  | { ok: false; /** Chinese, says what is wrong and what to do */ error: string };

export const PARSE_ERRORS = {
  empty: '文件是空的，没有可读取的内容；请检查上传的文件',
  notReport:
    '没有在文件中找到政府信息公开工作年度报告的内容（如“一、总体情况”等标题，或主动公开、依申请公开、行政复议诉讼情况表）；请确认上传的是年度报告',
  badPdf: '这个PDF文件已损坏或不完整，无法打开；请重新导出或下载后再上传',
  lockedPdf: '这个PDF文件设置了打开密码，无法读取；请提供未加密的PDF或Word版',
  oldWord:
    '这是旧版Word（.doc）文件或设置了密码的Word文档，无法直接读取；请在Word中“另存为”不加密的.docx后再上传',
  image: '这是一个图片文件，无法读取其中的文字；请提供Word版或带文字层的PDF',
  binary:
    '无法识别的文件格式；请上传Word（.docx）、带文字层的PDF、网页（.html）、文本（.txt）、Markdown或JSON文件',
  badJson: 'JSON格式有误，无法解析；请检查文件是否完整（如括号、引号是否成对）',
  unexpected: '读取文件时出错，无法解析该报告；请确认文件完整，或改用Word、带文字层的PDF或网页格式',
} as const;

function startsWithBytes(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function otherBinary(bytes: Uint8Array): string | null {
  if (startsWithBytes(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return PARSE_ERRORS.oldWord;
  if (
    startsWithBytes(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWithBytes(bytes, [0xff, 0xd8, 0xff]) ||
    startsWithBytes(bytes, [0x47, 0x49, 0x46, 0x38])
  ) {
    return PARSE_ERRORS.image;
  }
  return null;
}

/** Decoded text full of control characters is a binary file of some kind we do not read. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return sample.length > 0 && bad / sample.length > 0.05;
}

function fromLines(lines: readonly SourceLine[]): ParseResult {
  const recognised = recognise(lines);
  if (!recognised) return { ok: false, error: PARSE_ERRORS.notReport };
  return {
    ok: true,
    report: withPreamble(recognised.report, lines),
    findings: recognised.findings,
  };
}

async function parse(input: ParseInput): Promise<ParseResult> {
  const { bytes, filename, limits = READ_LIMITS } = input;
  if (bytes.length === 0) return { ok: false, error: PARSE_ERRORS.empty };
  const binary = binaryKind(bytes);
  if (binary === 'pdf') {
    const pdf = await linesFromPdf(bytes);
    return pdf.ok ? fromLines(pdf.lines) : pdf;
  }
  if (binary === 'zip') {
    const docx = await linesFromDocx(bytes, limits);
    return docx.ok ? fromLines(docx.lines) : docx;
  }
  const other = otherBinary(bytes);
  if (other) return { ok: false, error: other };
  // No encoding read here spends more than four bytes on a character, so a file over four
  // times the limit is over it without being decoded.
  if (bytes.length > limits.textChars * 4)
    return { ok: false, error: LIMIT_ERRORS.text(limits.textChars) };
  const text = decodeText(bytes);
  if (text.length > limits.textChars)
    return { ok: false, error: LIMIT_ERRORS.text(limits.textChars) };
  if (text.trim() === '') return { ok: false, error: PARSE_ERRORS.empty };
  if (looksBinary(text)) return { ok: false, error: PARSE_ERRORS.binary };
  switch (textKind(text, filename)) {
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(text.replace(/^\uFEFF/u, ''));
      } catch {
        return { ok: false, error: PARSE_ERRORS.badJson };
      }
      const read = reportFromJson(value);
      return read.ok ? { ok: true, report: read.report, findings: [] } : read;
    }
    case 'html':
      return fromLines(linesFromHtml(text, limits));
    case 'markdown':
      return fromLines(linesFromMarkdown(text, limits));
    case 'text':
      return fromLines(linesFromText(text));
  }
}

function pdfError(error: unknown): string | null {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return PARSE_ERRORS.lockedPdf;
  if (
    name === 'InvalidPDFException' ||
    name === 'FormatError' ||
    name === 'UnknownErrorException' ||
    name === 'MissingPDFException'
  ) {
    return PARSE_ERRORS.badPdf;
  }
  return null;
}

export async function parseReport(input: ParseInput): Promise<ParseResult> {
  try {
    return await parse(input);
  } catch (error) {
    if (error instanceof ReadLimitError) return { ok: false, error: error.message };
    // Bad input must end in a message, never a stack trace.
    return {
      ok: false,
      error:
        pdfError(error) ??
        (binaryKind(input.bytes) === 'pdf' ? PARSE_ERRORS.badPdf : PARSE_ERRORS.unexpected),
    };
  }
}

// The 整改通知 to one agency: the problems found in its annual report, in 公文 layout as a
// Word document (the house style of src/letters/letter-docx.ts: A4, GB/T 9704 margins, title
// in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at 22 lines to the page). The wording is
// composed apart (noticeText, pure) so that it can be tested without opening the .docx.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { correctionsByFinding } from '../reports/checks/grouping.js';
import { chineseDate } from '../reports/checks/labels.js';
import type { AnnualReport, Finding } from '../reports/model.js';
import { DOCX_FONTS, FONT_SIZES_PT, PAGE_MARGINS_MM } from '../reports/render/style.js';

export interface NoticeInput {
  /** The supervising agency. */
  from: string;
  to: string;
  year: number;
  /** The file or address the report was received as. */
  source: string;
  report: AnnualReport;
  /** The report's own problems (reading notes left out), in the order the page numbers them. */
  problems: readonly Finding[];
  /** YYYY-MM-DD */
  on: string;
}

export interface NoticeText {
  title: string;
  salutation: string;
  paragraphs: string[];
  items: string[];
  closing: string;
  signature: string;
  date: string;
}

const strip = (s: string) => s.replace(/[。；;]+$/u, '');

export function noticeText(n: NoticeInput): NoticeText {
  const grouped = correctionsByFinding(n.report, n.problems);
  return {
    title: `关于${n.to}${n.year}年政府信息公开工作年度报告存在问题的整改通知`,
    salutation: `${n.to}：`,
    paragraphs: [
      `经对你单位报送的${n.year}年政府信息公开工作年度报告（${n.source}）进行检查，发现以下问题。请对照《中华人民共和国政府信息公开条例》第五十条和国家规定的年度报告格式逐项核实、整改，更正后重新发布。`,
    ],
    items: n.problems.map((f, i) => {
      const fix = grouped.get(i);
      return `${i + 1}. ${strip(f.message)}${fix ? `（经核算，${fix}）` : ''}。`;
    }),
    closing: '整改完成后，请将更正后的年度报告及整改情况报送我单位。',
    signature: n.from,
    date: chineseDate(n.on),
  };
}

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const half = (pt: number) => Math.round(pt * 2);
const BODY_LINE = { line: Math.round(28.9 * 20), lineRule: LineRuleType.EXACT };
const INDENT = { firstLine: FONT_SIZES_PT.body * 2 * 20 };

function para(
  text: string,
  o: {
    title?: boolean;
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
  } = {},
): Paragraph {
  const eastAsia = o.title ? DOCX_FONTS.title : DOCX_FONTS.body;
  const size = o.title ? FONT_SIZES_PT.title : FONT_SIZES_PT.body;
  return new Paragraph({
    children: [
      new TextRun({
        text,
        font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia, cs: DOCX_FONTS.latin },
        size: half(size),
      }),
    ],
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? INDENT : undefined,
    spacing: o.title
      ? {
          line: Math.round(FONT_SIZES_PT.title * 1.5 * 20),
          lineRule: LineRuleType.EXACT,
          after: 28 * 20,
        }
      : BODY_LINE,
  });
}

export async function noticeDocx(n: NoticeInput): Promise<Uint8Array> {
  const t = noticeText(n);
  const doc = new Document({
    creator: n.from,
    title: t.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: {
              top: twips(PAGE_MARGINS_MM.top),
              bottom: twips(PAGE_MARGINS_MM.bottom),
              left: twips(PAGE_MARGINS_MM.left),
              right: twips(PAGE_MARGINS_MM.right),
            },
          },
        },
        children: [
          para(t.title, { title: true, align: AlignmentType.CENTER }),
          para(t.salutation, { align: AlignmentType.LEFT }),
          ...t.paragraphs.map((p) => para(p, { indent: true })),
          ...t.items.map((p) => para(p, { indent: true })),
          para(t.closing, { indent: true }),
          para(''),
          para(t.signature, { align: AlignmentType.RIGHT }),
          para(t.date, { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

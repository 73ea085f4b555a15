// The report as a Word document (.docx): the same sections and the same table layout as
// the HTML (merged cells via columnSpan/rowSpan), A4 with the GB/T 9704 margins, the
// title in 方正小标宋简体 22pt and the body in 仿宋_GB2312 16pt. Word fonts are referenced,
// not embedded: Word substitutes a font the reader lacks.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { FORMATS } from '../format/index.js';
import type { AnnualReport } from '../model.js';
import { paragraphs, reportTitle, sectionBlocks, signatureDate } from './document-parts.js';
import { tableLayouts, type LayoutCell, type TableLayout } from './layout.js';
import { DOCX_FONTS, FONT_SIZES_PT, PAGE_MARGINS_MM } from './style.js';

/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 11905 wide). */
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const A4 = { width: twips(210), height: twips(297) };
const MARGIN = {
  top: twips(PAGE_MARGINS_MM.top),
  bottom: twips(PAGE_MARGINS_MM.bottom),
  left: twips(PAGE_MARGINS_MM.left),
  right: twips(PAGE_MARGINS_MM.right),
};
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
/** Half-points, as Word counts font sizes. */
const half = (pt: number) => Math.round(pt * 2);
/** 公文 body: 22 lines to the page, i.e. a fixed line pitch of about 28.9pt. */
const BODY_LINE = { line: Math.round(28.9 * 20), lineRule: LineRuleType.EXACT };

function font(eastAsia: string) {
  return { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia, cs: DOCX_FONTS.latin };
}

function run(text: string, eastAsia: string, sizePt: number): TextRun {
  return new TextRun({ text, font: font(eastAsia), size: half(sizePt) });
}

function bodyParagraph(
  text: string,
  eastAsia: string = DOCX_FONTS.body,
  heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel],
): Paragraph {
  return new Paragraph({
    children: [run(text, eastAsia, FONT_SIZES_PT.body)],
    heading,
    // A heading never ends a page alone.
    keepNext: heading !== undefined,
    indent: { firstLine: half(FONT_SIZES_PT.body) * 20 },
    spacing: BODY_LINE,
    alignment: AlignmentType.JUSTIFIED,
  });
}

/** Column widths in twips: label columns wide enough for table 三's long labels, numbers share the rest. */
function columnWidths(layout: TableLayout): number[] {
  const fixed =
    layout.key === 'requests' ? [850, 1050, 2250] : layout.key === 'proactive' ? [2800] : [];
  const rest = layout.columnCount - fixed.length;
  const each = Math.floor((TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0)) / rest);
  return [...fixed, ...Array.from({ length: rest }, () => each)];
}

function tableCell(cell: LayoutCell): TableCell {
  const alignment =
    cell.kind === 'header' && (cell.scope === 'row' || cell.scope === 'rowgroup')
      ? AlignmentType.LEFT
      : AlignmentType.CENTER;
  return new TableCell({
    children: [
      new Paragraph({
        children: [run(cell.text, DOCX_FONTS.body, FONT_SIZES_PT.table)],
        alignment,
      }),
    ],
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(layout: TableLayout): Table {
  const widths = columnWidths(layout);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      ...layout.headRows.map(
        (cells) =>
          new TableRow({ children: cells.map(tableCell), tableHeader: true, cantSplit: true }),
      ),
      ...layout.bodyRows.map(
        (cells) => new TableRow({ children: cells.map(tableCell), cantSplit: true }),
      ),
    ],
  });
}

export async function renderDocx(report: AnnualReport): Promise<Uint8Array> {
  const layouts = new Map(tableLayouts(report).map((l) => [l.key, l]));
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(reportTitle(report), DOCX_FONTS.title, FONT_SIZES_PT.title)],
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      spacing: {
        after: 400,
        line: Math.round(FONT_SIZES_PT.title * 1.5 * 20),
        lineRule: LineRuleType.EXACT,
      },
    }),
  ];
  for (const p of paragraphs(report.preamble ?? ''))
    children.push(bodyParagraph(p.text, DOCX_FONTS.body));
  for (const block of sectionBlocks(report, FORMATS[report.format])) {
    children.push(bodyParagraph(block.heading, DOCX_FONTS.heading, HeadingLevel.HEADING_2));
    for (const p of block.paragraphs)
      children.push(bodyParagraph(p.text, p.subheading ? DOCX_FONTS.subheading : DOCX_FONTS.body));
    const layout = block.table ? layouts.get(block.table) : undefined;
    if (layout) {
      children.push(table(layout));
      children.push(new Paragraph({ children: [] }));
    }
  }
  const date = signatureDate(report.publishedOn);
  for (const text of [report.agency, date]) {
    if (!text) continue;
    children.push(
      new Paragraph({
        children: [run(text, DOCX_FONTS.body, FONT_SIZES_PT.body)],
        alignment: AlignmentType.RIGHT,
        spacing: { ...BODY_LINE, before: text === report.agency ? 600 : 0 },
      }),
    );
  }
  const doc = new Document({
    creator: 'Gongkai',
    title: reportTitle(report),
    styles: {
      default: {
        document: { run: { font: font(DOCX_FONTS.body), size: half(FONT_SIZES_PT.body) } },
        // Real heading styles (so Word's navigation pane and screen readers see the structure),
        // dressed as an official document: black, not bold, no colour theme.
        heading1: {
          run: {
            font: font(DOCX_FONTS.title),
            size: half(FONT_SIZES_PT.title),
            color: '000000',
            bold: false,
          },
        },
        heading2: {
          run: {
            font: font(DOCX_FONTS.heading),
            size: half(FONT_SIZES_PT.body),
            color: '000000',
            bold: false,
          },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        // 公文 page numbers (GB/T 9704): 「— 1 —」, centred in the footer, in the body font.
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: font(DOCX_FONTS.body),
                    size: half(14),
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(doc);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

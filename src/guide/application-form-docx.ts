// The blank application form as a Word document (.docx), from the same data as the print
// page: A4, one bordered table per section, the agency named as 受理机关.
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  APPLICATION_FORM_SECTIONS,
  APPLICATION_FORM_TITLE,
  applicationFormNotes,
  type FormRow,
} from './application-form.js';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const PAGE = { width: twips(210), height: twips(297) };
const MARGIN = twips(25);
const TEXT_WIDTH = PAGE.width - 2 * MARGIN;
const LABEL_WIDTH = Math.round(TEXT_WIDTH * 0.32);
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const text = (t: string, bold = false, size = 24) =>
  new TextRun({ text: t, font: FONT, size, bold });

function cell(children: Paragraph[], width: number, columnSpan?: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 60, bottom: 60 },
  });
}

function rowOf(r: FormRow): TableRow {
  const label = cell([new Paragraph({ children: [text(r.label)] })], LABEL_WIDTH);
  const answer =
    r.kind === 'choices'
      ? [new Paragraph({ children: [text(r.options.map((o) => `□ ${o}`).join('　'))] })]
      : Array.from({ length: r.lines ?? 1 }, () => new Paragraph({ children: [text('')] }));
  return new TableRow({
    children: [label, cell(answer, TEXT_WIDTH - LABEL_WIDTH)],
    cantSplit: true,
  });
}

/** The form for `agencyName`, as the bytes of a .docx file. */
export async function applicationFormDocx(agencyName: string): Promise<Buffer> {
  const tables = APPLICATION_FORM_SECTIONS.flatMap((s) => [
    new Paragraph({
      children: [text(s.title, true)],
      spacing: { before: 200, after: 80 },
      keepNext: true,
    }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: {
        top: line,
        bottom: line,
        left: line,
        right: line,
        insideHorizontal: line,
        insideVertical: line,
      },
      rows: s.rows.map(rowOf),
    }),
  ]);
  const doc = new Document({
    creator: agencyName,
    title: APPLICATION_FORM_TITLE,
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                text: APPLICATION_FORM_TITLE,
                font: { ...FONT, eastAsia: '方正小标宋简体' },
                size: 44,
              }),
            ],
          }),
          new Paragraph({ children: [text(`受理机关：${agencyName}`)], spacing: { after: 120 } }),
          ...tables,
          new Paragraph({ children: [text('填表说明', true)], spacing: { before: 240 } }),
          ...applicationFormNotes(agencyName).map(
            (n, i) => new Paragraph({ children: [text(`${i + 1}. ${n}`, false, 21)] }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

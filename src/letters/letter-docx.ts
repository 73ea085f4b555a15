// A letter as a Word document (.docx) in the same 公文 layout as the HTML: A4 with the
// GB/T 9704-2012 margins, the title in 方正小标宋简体 二号, the body in 仿宋_GB2312 三号 at 22
// lines to the page, first lines indented two characters, the number right-aligned, the
// signature block on the right with room above for the seal, the reply slip on a new page.
// Fonts are referenced through `eastAsia` (Word substitutes one the reader lacks).
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { DOCX_FONTS, FONT_SIZES_PT, PAGE_MARGINS_MM } from '../reports/render/style.js';
import type { LetterDocument } from './compose.js';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const half = (pt: number) => Math.round(pt * 2);
const BODY_LINE = { line: Math.round(28.9 * 20), lineRule: LineRuleType.EXACT };
const INDENT = { firstLine: FONT_SIZES_PT.body * 2 * 20 };

function run(
  text: string,
  eastAsia: string = DOCX_FONTS.body,
  sizePt: number = FONT_SIZES_PT.body,
) {
  return new TextRun({
    text,
    font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia, cs: DOCX_FONTS.latin },
    size: half(sizePt),
  });
}

function para(
  text: string,
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    title?: boolean;
    before?: number;
    pageBreakBefore?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    children: [
      options.title
        ? run(text, DOCX_FONTS.title, FONT_SIZES_PT.title)
        : run(text, DOCX_FONTS.body, FONT_SIZES_PT.body),
    ],
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    indent: options.indent ? INDENT : undefined,
    spacing: options.title
      ? { line: Math.round(FONT_SIZES_PT.title * 1.5 * 20), lineRule: LineRuleType.EXACT }
      : { ...BODY_LINE, before: options.before ?? 0 },
    pageBreakBefore: options.pageBreakBefore,
  });
}

export async function letterDocx(doc: LetterDocument): Promise<Uint8Array> {
  const children: Paragraph[] = [
    ...doc.titleLines.map((t) => para(t, { title: true, align: AlignmentType.CENTER })),
    para(doc.number, { align: AlignmentType.RIGHT, before: 200 }),
    para(doc.addressee, { before: 200 }),
    ...doc.paragraphs.map((p) => para(p, { indent: true })),
    para(doc.closing, { indent: true }),
    // Three blank lines' worth of room for the seal, pressed over the signature and date.
    ...doc.signature.map((s, i) =>
      para(s, { align: AlignmentType.RIGHT, before: i === 0 ? 3 * BODY_LINE.line : 0 }),
    ),
    para(doc.date, { align: AlignmentType.RIGHT }),
    ...doc.footer.map((f, i) => para(f, { before: i === 0 ? BODY_LINE.line : 0 })),
  ];
  if (doc.slip) {
    children.push(
      para(doc.slip.title, { title: true, align: AlignmentType.CENTER, pageBreakBefore: true }),
      ...doc.slip.paragraphs.map((p, i) =>
        para(p, { indent: !(i === 0 && p.endsWith('：')), before: i === 0 ? 200 : 0 }),
      ),
    );
  }
  const document = new Document({
    creator: 'Gongkai',
    title: `${doc.name} ${doc.number}`,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, eastAsia: DOCX_FONTS.body },
            size: half(FONT_SIZES_PT.body),
          },
        },
      },
    },
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
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

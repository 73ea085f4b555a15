// The look of a letter (公文) on screen and on paper: A4 with the GB/T 9704-2012 margins, the
// title in 小标宋 二号, the body in 仿宋 三号 with the first line indented two characters, the
// number right-aligned under the title, the signature block bottom right with room for the
// seal, the reply slip on a page of its own. A static stylesheet (the CSP allows no inline
// styles); the font stacks are the reports' (one definition).
import { createHash } from 'node:crypto';
import { FONT_SIZES_PT, FONTS, PAGE_MARGINS_MM } from '../reports/render/style.js';

const M = PAGE_MARGINS_MM;

export const LETTER_CSS = `
@page { size: A4; margin: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm; }
body.letter-document { margin: 0; color: #000; background: #f4f4f4; }
.template-text pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; }
.letter-sheet { box-sizing: border-box; max-width: 210mm; margin: 1.5rem auto; background: #fff;
  padding: ${M.top}mm ${M.right}mm ${M.bottom}mm ${M.left}mm;
  font-family: ${FONTS.body}; font-size: ${FONT_SIZES_PT.body}pt; line-height: 1.8; }
.letter-sheet .letter-title { font-family: ${FONTS.title}; font-size: ${FONT_SIZES_PT.title}pt; font-weight: normal;
  text-align: center; line-height: 1.5; margin: 0; }
.letter-sheet .letter-title span { display: block; }
.letter-sheet .letter-number { text-align: right; margin: 0.5em 0 1.2em; }
.letter-sheet .addressee { margin: 0; }
.letter-sheet p { margin: 0; text-align: justify; overflow-wrap: anywhere; }
.letter-sheet .body p, .letter-sheet p.closing { text-indent: 2em; }
.letter-sheet .signature-block { margin: 3em 0 0 auto; width: max-content; max-width: 100%;
  text-align: center; position: relative; padding: 0 1em; }
.letter-sheet .seal { position: absolute; left: 50%; top: 50%; width: 42mm; height: 42mm;
  margin: -21mm 0 0 -21mm; border: 1px dashed #b00; border-radius: 50%; color: #b00;
  font-size: 10.5pt; display: flex; align-items: center; justify-content: center; }
.letter-sheet .footer { margin-top: 2em; }
.letter-sheet .slip { margin-top: 3em; border-top: 1px dashed #000; padding-top: 2em; }
.letter-sheet .slip-title { font-family: ${FONTS.title}; font-size: ${FONT_SIZES_PT.title}pt; font-weight: normal;
  text-align: center; margin: 0 0 1em; }
.letter-sheet .slip p { text-indent: 2em; }
.letter-sheet .slip p.addressee { text-indent: 0; }
@media (max-width: 700px) {
  .letter-sheet { padding: 1rem; margin: 0; font-size: 13pt; }
  .letter-sheet .letter-title { font-size: 18pt; }
  .letter-sheet .seal { width: 30mm; height: 30mm; margin: -15mm 0 0 -15mm; }
}
@media print {
  body.letter-document { background: none; }
  .letter-sheet { max-width: none; margin: 0; padding: 0; line-height: 28.9pt; }
  /* The seal is stamped on paper: the marker is for the screen only. */
  .letter-sheet .seal { display: none; }
  .letter-sheet .slip { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
}
`;

const hash = createHash('sha256').update(LETTER_CSS).digest('hex').slice(0, 12);

/** Where the letter stylesheet is served; the hash changes when the stylesheet does. */
export const LETTER_CSS_HREF = `/static/letters/letter.${hash}.css`;

/**
 * Stored letters keep the stylesheet URL they were issued with: an older hash is still
 * served (with the current rules and a short cache), so an old letter never loses its look.
 */
export const LETTER_CSS_FILE = /^letter\.[0-9a-f]{12}\.css$/;

// The look of an official document (公文, GB/T 9704-2012) in CSS: A4, margins 上37mm
// 下35mm 左28mm 右26mm, the title in 小标宋 二号 (22pt), the body in 仿宋_GB2312 三号 (16pt).
// The official fonts are not free, so they are named first and Noto CJK (Debian's
// fonts-noto-cjk) stands in where they are not installed.

export const FONTS = {
  body: '"仿宋_GB2312", "仿宋", FangSong_GB2312, FangSong, STFangsong, "Noto Serif CJK SC", "Noto Serif SC", serif',
  title:
    '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "小标宋", "Noto Serif CJK SC", "Noto Serif SC", serif',
  heading: '"黑体", SimHei, STHeiti, "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  subheading: '"楷体_GB2312", "楷体", KaiTi_GB2312, KaiTi, STKaiti, "Noto Serif CJK SC", serif',
} as const;

/** The fonts Word should use (East-Asian names; Word substitutes when one is missing). */
export const DOCX_FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading: '黑体',
  subheading: '楷体_GB2312',
  latin: 'Times New Roman',
} as const;

/** GB/T 9704-2012 page margins in millimetres. */
export const PAGE_MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Point sizes: 二号 22pt, 三号 16pt; tables in 五号 10.5pt so that table 三's ten columns fit A4. */
export const FONT_SIZES_PT = { title: 22, body: 16, table: 10.5 } as const;

/** Tables and their marks; shared by the standalone document and console pages. */
export const TABLES_CSS = `
.report-table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; font-size: ${FONT_SIZES_PT.table}pt; line-height: 1.4; }
.report-table caption { text-align: left; font-weight: bold; padding: 0.25em 0; }
.report-table th, .report-table td { border: 1px solid #000; padding: 0.2em 0.35em; vertical-align: middle; }
.report-table th { font-weight: normal; text-align: center; }
.report-table th[scope="row"], .report-table th[scope="rowgroup"] { text-align: left; }
.report-table td { text-align: center; font-variant-numeric: tabular-nums; }
.report-table td.cell-marked { outline: 3px solid #000; outline-offset: -3px; font-weight: bold; }
.report-table td.cell-error { background: #fde2e1; outline-style: double; }
.report-table td.cell-warning { background: #fff3c4; outline-style: dashed; }
.report-table td.cell-note { outline: 2px dotted #000; font-weight: normal;
  background: repeating-linear-gradient(135deg, #e3ecf7 0, #e3ecf7 3px, #fff 3px, #fff 7px); }
.report-table td.cell-marked { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.report-table td:target, .finding-list .finding:target { box-shadow: inset 0 0 0 4px #ffbf00; }
.report-table .mark-numbers { font-size: 0.85em; vertical-align: super; line-height: 1; margin-left: 0.2em; white-space: nowrap; font-weight: bold; }
.report-table .mark-group + .mark-group { margin-left: 0.3em; }
.report-table .mark-sign { margin-right: 0.1em; }
html.text-large .report-table, html.elder .report-table { font-size: 0.875rem; }
html.elder .report-table .mark-numbers { vertical-align: baseline; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.table-scroll { overflow-x: auto; position: relative; } /* relative: the words for screen readers (absolute) scroll and clip with the table, not widen the page */
/* On a screen narrower than a table, the table keeps a readable width and scrolls in its
   box (a page may let text wrap anywhere, which would squeeze it to a letter a line);
   paper takes the 五号 width of the A4 text block instead. */
@media screen {
  .report-table { overflow-wrap: normal; }
  .report-table-proactive { min-width: 26rem; }
  .report-table-requests { min-width: 44rem; }
  .report-table-review { min-width: 52rem; }
}
`;

export const DOCUMENT_CSS = `
@page { size: A4; margin: ${PAGE_MARGINS_MM.top}mm ${PAGE_MARGINS_MM.right}mm ${PAGE_MARGINS_MM.bottom}mm ${PAGE_MARGINS_MM.left}mm; }
html { background: #f4f4f4; }
body { margin: 0; color: #000; }
.report { box-sizing: border-box; max-width: 210mm; margin: 1.5rem auto; background: #fff;
  padding: ${PAGE_MARGINS_MM.top}mm ${PAGE_MARGINS_MM.right}mm ${PAGE_MARGINS_MM.bottom}mm ${PAGE_MARGINS_MM.left}mm;
  font-family: ${FONTS.body}; font-size: ${FONT_SIZES_PT.body}pt; line-height: 1.8; }
.report h1 { font-family: ${FONTS.title}; font-size: ${FONT_SIZES_PT.title}pt; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 1em; }
.report h2 { font-family: ${FONTS.heading}; font-size: ${FONT_SIZES_PT.body}pt; font-weight: normal; margin: 0.6em 0 0.3em; text-indent: 2em; }
.report p { margin: 0; text-indent: 2em; text-align: justify; }
.report p.subheading { font-family: ${FONTS.subheading}; }
.report .signature { margin-top: 2em; text-align: right; text-indent: 0; }
.report .table-title { text-indent: 0; }
${TABLES_CSS}
@media (max-width: 700px) { .report { padding: 1rem; margin: 0; } }
@media print {
  html { background: none; }
  .report { max-width: none; margin: 0; padding: 0; line-height: 28.9pt; }
  .report-table { line-height: 1.3; }
  .report-table thead { display: table-header-group; }
  .report-table tr { break-inside: auto; }
  .report h2 { break-after: avoid; }
}
`;

// What a report file may cost to read. A real annual report is a few hundred kilobytes of
// text and two or three small tables; these limits are a hundred times that, so no real
// report meets them, while a hostile or damaged file is refused before the work it would
// cause is done (the worker's memory and time limits, see ../read/, catch the rest).
// Each limit is checked on something cheap to know in advance: the declared sizes in a
// zip's directory, the text's length, the nesting depth from a linear scan of the tags,
// and the grid cells a table's spans would fill.
export interface ReadLimits {
  /** Characters of decoded text (plain text, Markdown, HTML). */
  textChars: number;
  /** Uncompressed size of the main document part of a .docx, as its zip directory declares. */
  docxPartBytes: number;
  /** Uncompressed size of all parts of a .docx together. */
  docxTotalBytes: number;
  /** Entries in a .docx. */
  docxEntries: number;
  /** Open elements at any point of an HTML page (unclosed tags pile up here). */
  htmlDepth: number;
  /** Cells of the grid all tables of a page would fill once rowspan/colspan are laid out. */
  htmlGridCells: number;
}

export const READ_LIMITS: Readonly<ReadLimits> = {
  textChars: 8_000_000,
  docxPartBytes: 32 * 1024 * 1024,
  docxTotalBytes: 128 * 1024 * 1024,
  docxEntries: 2_000,
  htmlDepth: 1_000,
  htmlGridCells: 1_000_000,
};

const MB = 1024 * 1024;
const mb = (bytes: number): string => `${Math.ceil(bytes / MB)} MB`;

/** Chinese reasons, each saying what is wrong with the file and what to do instead. */
export const LIMIT_ERRORS = {
  text: (limit: number) =>
    `文件中的文字超过 ${limit / 10_000} 万字，远超一份年度报告的篇幅，不予读取；请确认上传的是年度报告本身`,
  docxPart: (bytes: number, limit: number) =>
    `这个Word文档的正文部分解压后有 ${mb(bytes)}，超过 ${mb(limit)} 的上限（正常的年度报告不到 1 MB），可能已损坏或是恶意构造的文件；请在Word中重新保存后再上传`,
  docxTotal: (bytes: number, limit: number) =>
    `这个Word文档解压后共 ${mb(bytes)}，超过 ${mb(limit)} 的上限；请删去文档中的大图片，或另存为PDF后再上传`,
  docxEntries: (entries: number, limit: number) =>
    `这个Word文档包含 ${entries} 个部件，超过 ${limit} 个的上限，可能已损坏；请在Word中重新保存后再上传`,
  htmlDepth: (limit: number) =>
    `这个网页的标签嵌套超过 ${limit} 层（大量标签没有闭合），无法可靠读取；请改用报告的Word版或PDF版`,
  htmlGrid: (limit: number) =>
    `这个网页中的表格合并单元格后超过 ${limit / 10_000} 万个单元格，远超年度报告的表格规模，不予读取；请改用报告的Word版或PDF版`,
} as const;

/** Thrown deep inside a reader when a limit is met; parseReport turns it into its message. */
export class ReadLimitError extends Error {
  override readonly name = 'ReadLimitError';
}

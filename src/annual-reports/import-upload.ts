// The report file posted to a draft's import form, read by the report engine's parser in
// its worker threads (src/reports/read): the file's name, the report and the parser's
// notes — or the field error to show, in Chinese, with nothing read.
import type { Context } from 'hono';
import { sharedReportReader } from '../reports/read/reader-pool.js';
import type { AppEnv } from '../web/env.js';
import type { ImportedFile } from './import-service.js';

/** One report file; its pictures are what makes a Word file large. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_FIELD = 'reportFile';
export const WITH_TEXT_FIELD = 'withText';

export const IMPORT_ERRORS = {
  none: '请选择要导入的年度报告文件（Word、网页、PDF、文本、Markdown 或 JSON）。',
  tooLarge: `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，无法导入；请先删去报告中的图片，或改用网页、文本格式。`,
};

export type ImportRead = { ok: true; file: ImportedFile } | { ok: false; error: string };

export async function readImportUpload(c: Context<AppEnv>): Promise<ImportRead> {
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    return { ok: false, error: IMPORT_ERRORS.none };
  }
  const value = form.get(IMPORT_FIELD);
  if (value === null || typeof value === 'string' || value.size === 0)
    return { ok: false, error: IMPORT_ERRORS.none };
  if (value.size > IMPORT_MAX_BYTES) return { ok: false, error: IMPORT_ERRORS.tooLarge };
  const name = (value.name || '未命名文件').split(/[\\/]/u).pop()!.slice(0, 200);
  const reader = c.get('deps').reportReader ?? sharedReportReader();
  const parsed = await reader.read(new Uint8Array(await value.arrayBuffer()), name);
  if (!parsed.ok) return { ok: false, error: `无法读取“${name}”：${parsed.error}` };
  return {
    ok: true,
    file: {
      file: name,
      report: parsed.report,
      findings: parsed.findings,
      withText: form.get(WITH_TEXT_FIELD) === '1',
    },
  };
}

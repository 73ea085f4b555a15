// Sending a report rendered as a file: the official layout (HTML, Word) or data (JSON).
import type { Context } from 'hono';
import type { AnnualReport } from '../reports/model.js';
import { renderReport } from '../reports/render/index.js';
import type { AppEnv } from '../web/env.js';

const TYPES = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json; charset=utf-8',
} as const;

export function downloadName(
  report: AnnualReport,
  version: number,
  to: keyof typeof TYPES,
): string {
  return `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告${version > 1 ? `（第${version}版）` : ''}.${to}`;
}

export async function sendRendered(
  c: Context<AppEnv>,
  report: AnnualReport,
  to: keyof typeof TYPES,
  filename: string,
  stylesheetHref?: string,
): Promise<Response> {
  const body =
    to === 'docx'
      ? await renderReport(report, 'docx')
      : await renderReport(report, to, stylesheetHref ? { stylesheetHref } : {});
  c.header('Content-Type', TYPES[to]);
  if (to !== 'html')
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}

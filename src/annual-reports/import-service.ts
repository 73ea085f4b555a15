// Filling a draft from a report file written elsewhere (the agency's own report, or last
// year's): the report engine's parser has read it; this command takes its tables into the
// typed tables — never into computed ones — and, when the office asks, its text, and keeps
// what the reader was unsure of for the office to confirm. One command, one audit event.
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { fail, type Result } from '../commands/result.js';
import { FORMATS, TABLE_KEYS } from '../reports/format/index.js';
import type { AnnualReport, Finding } from '../reports/model.js';
import type { StoredReport } from './annual-report.js';
import { editableReport, typedOnly, write } from './annual-report-service.js';
import { conform } from './tables.js';

/** A report file read by the report engine's parser, to fill a draft from. */
export interface ImportedFile {
  /** The file's name as uploaded (kept in the notes and the audit log). */
  file: string;
  report: AnnualReport;
  /** What the parser had to guess (CELL_AMBIGUOUS …). */
  findings: Finding[];
  /** Whether the office asked for the sections' text (and preamble) too, not only the tables. */
  withText: boolean;
}

/**
 * Fills the typed tables of a draft (never the computed ones) — and, when asked, the text —
 * from a report file written elsewhere; the cells the reader was unsure of are kept as notes
 * for the office to confirm. The checks then run on it as on typed tables.
 */
export function importReportFile(
  deps: ServiceDeps,
  id: string,
  input: ImportedFile,
  actor: Actor,
): Promise<Result<StoredReport>> {
  return runCommand(deps, actor, async (ctx) => {
    const found = await editableReport(ctx.trx, id);
    if (!found.ok) return found;
    const before = found.value;
    const format = FORMATS[before.report.format];
    const typed = TABLE_KEYS.filter((t) => !before.computed.includes(t));
    if (typed.length === 0 && !input.withText)
      return fail({
        reportFile:
          '本报告的表格全部根据本平台的记录计算，不从文件导入；如只需导入正文，请勾选“同时导入各部分正文”。',
      });
    if (input.report.format !== format.id)
      return fail({
        reportFile: `该文件按${FORMATS[input.report.format].basis}的格式编制，本年度报告应按${format.basis}的格式编制，两者表格的行列不同，不能直接导入；请上传按${format.basis}格式编制的报告。`,
      });
    const tables = { ...before.report.tables };
    for (const t of typed) tables[t] = conform(format, t, input.report.tables[t], null);
    let report: AnnualReport = { ...before.report, tables };
    if (input.withText) {
      const { preamble: _old, ...rest } = report;
      report = {
        ...rest,
        ...(input.report.preamble ? { preamble: input.report.preamble } : {}),
        sections: format.sections.map((def) => {
          const mine = report.sections.find((s) => s.key === def.key);
          const theirs = input.report.sections.find((s) => s.key === def.key);
          if (!theirs || (theirs.heading === null && theirs.text.trim() === ''))
            return mine ?? { key: def.key, heading: null, text: '' };
          return { key: def.key, heading: theirs.heading, text: theirs.text };
        }),
      };
    }
    const concerns = (f: Finding) =>
      f.table === null ? input.withText : (typed as readonly string[]).includes(f.table);
    const findings = input.findings.filter(concerns);
    const now = ctx.now.toISOString();
    const next: StoredReport = {
      ...before,
      report,
      status: 'draft',
      approvedBy: null,
      approvedAt: null,
      updatedAt: now,
      readingNotes: findings.length > 0 ? { file: input.file, at: now, findings } : null,
    };
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'annual_report',
      subjectId: id,
      action: 'annual_report.import',
      before: {
        status: before.status,
        tables: typedOnly(before),
        ...(input.withText
          ? { preamble: before.report.preamble ?? null, sections: before.report.sections }
          : {}),
      },
      after: {
        file: input.file,
        withText: input.withText,
        toConfirm: findings.length,
        tables: typedOnly(next),
        ...(input.withText ? { preamble: report.preamble ?? null, sections: report.sections } : {}),
      },
    });
    return write(ctx.trx, next);
  });
}

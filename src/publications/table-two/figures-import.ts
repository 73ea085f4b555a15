// Importing table 二's yearly figures from a CSV (UTF-8 or GB18030) or .xlsx: one command,
// so the rows accepted are stored together with one audit event, or — when the file is
// refused as a whole (unreadable, no header, no data) — nothing at all. Each (year, figure)
// in the file replaces that one figure; the year's other figures and channel counts stay.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../commands/actor.js';
import { runCommand, type ServiceDeps } from '../../commands/command.js';
import { fail, ok, type Result } from '../../commands/result.js';
import { isoDateCst } from '../../portal/dates.js';
import { readCatalogueFile } from '../import/read-catalogue-file.js';
import { readFiguresRows, type FigureRow, type RefusedRow } from './figures-csv.js';
import { getFigure, setFigure } from './year-figures-repository.js';

export const FIGURES_IMPORT_SUBJECT = 'publication_year_figures_import';

export interface FiguresImportReport {
  filename: string;
  encoding: string;
  dataRows: number;
  /** What was stored (or, for a check, would be). */
  imported: FigureRow[];
  refused: RefusedRow[];
  dryRun: boolean;
}

export async function importYearFigures(
  deps: ServiceDeps,
  actor: Actor,
  agencyId: string,
  file: { filename: string; bytes: Uint8Array },
  options: { dryRun?: boolean } = {},
): Promise<Result<FiguresImportReport>> {
  const read = await readCatalogueFile(file.bytes, file.filename);
  if (!read.ok) return fail({ file: read.error });
  const thisYear = Number(isoDateCst(deps.clock.now()).slice(0, 4));
  const rows = readFiguresRows(read.rows, thisYear);
  if (!rows.ok) return fail({ file: rows.error });
  const report: FiguresImportReport = {
    filename: file.filename,
    encoding: read.encoding,
    dataRows: rows.dataRows,
    imported: rows.rows,
    refused: rows.refused,
    dryRun: options.dryRun === true,
  };
  if (options.dryRun || rows.rows.length === 0) return ok(report);
  return runCommand(deps, actor, async (ctx) => {
    const by = { label: actor.label, at: ctx.now.toISOString() };
    const before = [];
    for (const r of rows.rows) {
      const old = await getFigure(ctx.trx, agencyId, r.year, r.figure);
      if (old)
        before.push({ year: r.year, figure: r.figure, value: old.value, source: old.source });
      await setFigure(ctx.trx, agencyId, r.year, r, by);
    }
    ctx.record({
      agencyId,
      subjectType: FIGURES_IMPORT_SUBJECT,
      subjectId: randomUUID(),
      action: 'publication.year_figures_import',
      before: { figures: before },
      after: {
        filename: file.filename,
        imported: rows.rows.length,
        refused: rows.refused.length,
        figures: rows.rows.map(({ year, figure, value, source }) => ({
          year,
          figure,
          value,
          source,
        })),
      },
    });
    return ok(report);
  });
}

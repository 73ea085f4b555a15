// Use cases of supervision, each one runCommand call (the change and its audit event commit
// together): a batch received (its files stored until read, its reading job scheduled); a
// file read by the job; a report's agency and year confirmed or corrected; and a report
// received from outside a batch (published on this platform).
import { createHash, randomBytes } from 'node:crypto';
import { getAgencyById } from '../agencies/agency-repository.js';
import { deadlineOf } from '../annual-reports/agency-deadline.js';
import type { Actor } from '../commands/actor.js';
import { runCommand, type CommandContext, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import { scheduleJob } from '../jobs/job-queue.js';
import type { AnnualReport, Finding } from '../reports/model.js';
import { findingsFor } from './recheck.js';
import { findingsOf, getReport, previousReport, reportOf, type ReportRow } from './repository.js';

export const CHECK_BATCH_JOB = 'supervision.check-batch';

export type ReportSource = 'upload' | 'folder' | 'address' | 'platform';

export interface IncomingFile {
  name: string;
  source: ReportSource;
  /** The bytes; none for an address (the job fetches it) or a file refused (then `error`). */
  bytes?: Uint8Array;
  error?: string;
}

/** Whether the job has something to do for the file: read its bytes, or fetch its address. */
const waits = (f: IncomingFile) => f.bytes !== undefined || (f.source === 'address' && !f.error);

const newId = () => randomBytes(16).toString('hex');

/** Stores a batch and its files and schedules the job that reads them. */
export async function createBatch(
  deps: ServiceDeps,
  actor: Actor,
  input: { ownerAgencyId: string; year: number; title: string; files: readonly IncomingFile[] },
): Promise<Result<{ batchId: string }>> {
  return runCommand(deps, actor, async (ctx) => {
    const batchId = newId();
    const at = ctx.now.toISOString();
    const allFailed = !input.files.some(waits);
    await ctx.trx
      .insertInto('supervision_batches')
      .values({
        id: batchId,
        agency_id: input.ownerAgencyId,
        year: input.year,
        title: input.title,
        created_by: actor.id,
        created_by_label: actor.label,
        created_at: at,
        file_count: input.files.length,
        finished_at: allFailed ? at : null,
      })
      .execute();
    let seq = 0;
    for (const f of input.files) {
      seq += 1;
      await ctx.trx
        .insertInto('supervision_reports')
        .values({
          id: newId(),
          batch_id: batchId,
          owner_agency_id: input.ownerAgencyId,
          seq,
          source: f.source,
          name: f.name,
          size: f.bytes?.length ?? 0,
          sha256: f.bytes ? createHash('sha256').update(f.bytes).digest('hex') : null,
          content_b64: f.bytes ? Buffer.from(f.bytes).toString('base64') : null,
          state: waits(f) ? 'pending' : 'unreadable',
          error: waits(f) ? null : (f.error ?? '无法读取该文件。'),
          year: input.year,
          created_at: at,
          read_at: waits(f) ? null : at,
          report_json: null,
          findings_json: null,
          read_as: null,
          report_agency: null,
          report_year: null,
          suggested_agency_id: null,
          agency_id: null,
          previous_id: null,
        })
        .execute();
    }
    if (!allFailed)
      await scheduleJob(ctx.trx, { type: CHECK_BATCH_JOB, payload: { batchId } }, deps.clock);
    ctx.record({
      agencyId: input.ownerAgencyId,
      subjectType: 'supervision_batch',
      subjectId: batchId,
      action: 'supervision.batch.create',
      after: { year: input.year, title: input.title, fileCount: input.files.length },
    });
    return ok({ batchId });
  });
}

/** Last year's report for the agency (the owner's or one published here), in this transaction. */
async function lastYear(
  ctx: CommandContext,
  owner: string,
  agencyId: string | null,
  year: number,
): Promise<{ id: string; report: AnnualReport } | null> {
  if (!agencyId) return null;
  const row = await previousReport(ctx.trx, owner, agencyId, year - 1);
  const report = row ? reportOf(row) : null;
  return row && report ? { id: row.id, report } : null;
}

/** `MM-DD` of the agency's report deadline (the annual-report feature's rule), if matched. */
async function deadlineFor(
  ctx: CommandContext,
  agencyId: string | null,
): Promise<string | undefined> {
  const agency = agencyId ? await getAgencyById(ctx.trx, agencyId) : null;
  return agency ? (await deadlineOf(ctx.trx, agency)).deadline : undefined;
}

export type ReadOutcome = (
  | {
      ok: true;
      report: AnnualReport;
      parserFindings: Finding[];
      readAs: string;
      suggestedAgencyId: string | null;
    }
  | { ok: false; error: string; readAs: string | null }
) & {
  /** For an address: what was fetched (its size and hash, now known). */
  fetched?: { size: number; sha256: string };
};

/** Records what the job read of one file; the bytes are dropped. Does nothing if already read. */
export async function recordRead(
  deps: ServiceDeps,
  actor: Actor,
  reportId: string,
  outcome: ReadOutcome,
): Promise<Result<null>> {
  return runCommand(deps, actor, async (ctx) => {
    const row = await getReport(ctx.trx, reportId);
    if (!row || row.state !== 'pending') return ok(null);
    const at = ctx.now.toISOString();
    if (!outcome.ok) {
      await ctx.trx
        .updateTable('supervision_reports')
        .set({
          state: 'unreadable',
          error: outcome.error,
          read_as: outcome.readAs,
          content_b64: null,
          read_at: at,
          ...(outcome.fetched ?? {}),
        })
        .where('id', '=', reportId)
        .execute();
    } else {
      const agency = outcome.suggestedAgencyId;
      const prev = await lastYear(ctx, row.owner_agency_id, agency, row.year);
      const checked = findingsFor(
        outcome.report,
        outcome.parserFindings,
        prev?.report ?? null,
        await deadlineFor(ctx, agency),
      );
      await ctx.trx
        .updateTable('supervision_reports')
        .set({
          state: 'read',
          read_as: outcome.readAs,
          report_json: JSON.stringify(outcome.report),
          findings_json: JSON.stringify({ parser: checked.parser, findings: checked.findings }),
          errors: checked.errors,
          warnings: checked.warnings,
          report_agency: outcome.report.agency,
          report_year: outcome.report.year,
          suggested_agency_id: agency,
          agency_id: agency,
          previous_id: prev?.id ?? null,
          content_b64: null,
          read_at: at,
          ...(outcome.fetched ?? {}),
        })
        .where('id', '=', reportId)
        .execute();
    }
    ctx.record({
      agencyId: row.owner_agency_id,
      subjectType: 'supervision_report',
      subjectId: reportId,
      action: 'supervision.report.read',
      after: { state: outcome.ok ? 'read' : 'unreadable', readAs: outcome.readAs },
    });
    return ok(null);
  });
}

/** Marks the batch finished once nothing in it waits to be read. */
export async function finishBatchIfDone(
  deps: ServiceDeps,
  actor: Actor,
  batchId: string,
): Promise<Result<boolean>> {
  return runCommand(deps, actor, async (ctx) => {
    const waiting = await ctx.trx
      .selectFrom('supervision_reports')
      .select('id')
      .where('batch_id', '=', batchId)
      .where('state', '=', 'pending')
      .limit(1)
      .executeTakeFirst();
    if (waiting) return ok(false);
    const r = await ctx.trx
      .updateTable('supervision_batches')
      .set({ finished_at: ctx.now.toISOString() })
      .where('id', '=', batchId)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) {
      const batch = await ctx.trx
        .selectFrom('supervision_batches')
        .select('agency_id')
        .where('id', '=', batchId)
        .executeTakeFirstOrThrow();
      ctx.record({
        agencyId: batch.agency_id,
        subjectType: 'supervision_batch',
        subjectId: batchId,
        action: 'supervision.batch.finish',
      });
    }
    return ok(true);
  });
}

async function rematch(
  ctx: CommandContext,
  row: ReportRow,
  agencyId: string | null,
  year: number,
): Promise<void> {
  const report = reportOf(row);
  const set: Record<string, unknown> = { agency_id: agencyId, confirmed: agencyId ? 1 : 0, year };
  if (report) {
    const prev = await lastYear(ctx, row.owner_agency_id, agencyId, year);
    const checked = findingsFor(
      report,
      findingsOf(row).parser,
      prev?.report ?? null,
      await deadlineFor(ctx, agencyId),
    );
    Object.assign(set, {
      findings_json: JSON.stringify({ parser: checked.parser, findings: checked.findings }),
      errors: checked.errors,
      warnings: checked.warnings,
      previous_id: prev?.id ?? null,
    });
  }
  await ctx.trx.updateTable('supervision_reports').set(set).where('id', '=', row.id).execute();
  ctx.record({
    agencyId: row.owner_agency_id,
    subjectType: 'supervision_report',
    subjectId: row.id,
    action: 'supervision.report.match',
    before: { agencyId: row.agency_id, confirmed: row.confirmed === 1, year: row.year },
    after: { agencyId, confirmed: agencyId !== null, year },
  });
}

/**
 * The supervisor confirms or corrects which agency a report is from (null: none of them)
 * and the year it counts for; the checks against last year's report are run again.
 * `allowed` are the agencies it may be matched to (the supervisor's subordinates).
 */
export async function matchReport(
  deps: ServiceDeps,
  actor: Actor,
  input: { reportId: string; agencyId: string | null; year: number; allowed: ReadonlySet<string> },
): Promise<Result<null>> {
  return runCommand(deps, actor, async (ctx) => {
    const row = await getReport(ctx.trx, input.reportId);
    if (!row) return fail({ agency: '该报告已不存在。' });
    if (input.agencyId !== null && !input.allowed.has(input.agencyId))
      return fail({ agency: '请从本机关的下级机关中选择。' });
    await rematch(ctx, row, input.agencyId, input.year);
    return ok(null);
  });
}

/** Confirms every suggested match of a batch that is a subordinate and not yet confirmed. */
export async function confirmSuggestions(
  deps: ServiceDeps,
  actor: Actor,
  input: { batchId: string; allowed: ReadonlySet<string> },
): Promise<Result<number>> {
  return runCommand(deps, actor, async (ctx) => {
    const rows = await ctx.trx
      .selectFrom('supervision_reports')
      .select('id')
      .where('batch_id', '=', input.batchId)
      .where('state', '=', 'read')
      .where('confirmed', '=', 0)
      .where('agency_id', 'is not', null)
      .execute();
    let n = 0;
    for (const { id } of rows) {
      const row = await getReport(ctx.trx, id);
      if (!row?.agency_id || !input.allowed.has(row.agency_id)) continue;
      await rematch(ctx, row, row.agency_id, row.year);
      n += 1;
    }
    return ok(n);
  });
}

/**
 * A report received from outside a batch — one an agency published on this platform: it
 * appears on its supervisors' dashboards for the year and serves as last year's report the
 * year after. The publishing feature calls this once when a report is published.
 */
export interface PublishedReport {
  agencyId: string;
  year: number;
  report: AnnualReport;
  source: string;
}

export async function receivePublishedReport(
  deps: ServiceDeps,
  actor: Actor,
  input: PublishedReport,
): Promise<Result<{ reportId: string }>> {
  return runCommand(deps, actor, (ctx) => receivePublishedReportIn(ctx, input));
}

/** The same, inside a command already running (publication: both commit together or neither). */
export async function receivePublishedReportIn(
  ctx: CommandContext,
  input: PublishedReport,
): Promise<Result<{ reportId: string }>> {
  const json = JSON.stringify(input.report);
  const id = await insertCheckedReport(ctx, {
    batchId: null,
    ownerAgencyId: input.agencyId,
    seq: 1,
    source: 'platform',
    name: input.source,
    size: Buffer.byteLength(json),
    sha256: createHash('sha256').update(json).digest('hex'),
    readAs: 'platform',
    report: input.report,
    parserFindings: [],
    agencyId: input.agencyId,
    year: input.year,
  });
  ctx.record({
    agencyId: input.agencyId,
    subjectType: 'supervision_report',
    subjectId: id,
    action: 'supervision.report.receive',
    after: { year: input.year, source: input.source },
  });
  return ok({ reportId: id });
}

interface CheckedReport {
  batchId: string | null;
  ownerAgencyId: string;
  seq: number;
  source: ReportSource;
  name: string;
  size: number;
  sha256: string;
  readAs: string;
  report: AnnualReport;
  parserFindings: readonly Finding[];
  /** The agency it is from, confirmed. */
  agencyId: string;
  year: number;
}

/**
 * Stores a report already read and matched to its agency, checked against last year's
 * report and the agency's deadline in this transaction; answers its id.
 */
async function insertCheckedReport(ctx: CommandContext, r: CheckedReport): Promise<string> {
  const id = newId();
  const at = ctx.now.toISOString();
  const prev = await lastYear(ctx, r.ownerAgencyId, r.agencyId, r.year);
  const checked = findingsFor(
    r.report,
    r.parserFindings,
    prev?.report ?? null,
    await deadlineFor(ctx, r.agencyId),
  );
  await ctx.trx
    .insertInto('supervision_reports')
    .values({
      id,
      batch_id: r.batchId,
      owner_agency_id: r.ownerAgencyId,
      seq: r.seq,
      source: r.source,
      name: r.name,
      size: r.size,
      sha256: r.sha256,
      content_b64: null,
      state: 'read',
      read_as: r.readAs,
      error: null,
      report_json: JSON.stringify(r.report),
      findings_json: JSON.stringify({ parser: checked.parser, findings: checked.findings }),
      errors: checked.errors,
      warnings: checked.warnings,
      report_agency: r.report.agency,
      report_year: r.report.year,
      suggested_agency_id: r.agencyId,
      agency_id: r.agencyId,
      confirmed: 1,
      year: r.year,
      previous_id: prev?.id ?? null,
      created_at: at,
      read_at: at,
    })
    .execute();
  return id;
}

export interface ReadFile {
  name: string;
  bytes: Uint8Array;
  readAs: string;
  report: AnnualReport;
  parserFindings: Finding[];
  /** The subordinate it is from, confirmed. */
  agencyId: string;
}

/**
 * A batch whose files were already read and matched — the demo's: stored finished, each
 * report confirmed for its agency and checked (against last year's report and the agency's
 * deadline) in the same transaction, with the same audit events a batch read by the job has.
 */
export async function receiveReadBatch(
  deps: ServiceDeps,
  actor: Actor,
  input: { ownerAgencyId: string; year: number; title: string; files: readonly ReadFile[] },
): Promise<Result<{ batchId: string }>> {
  return runCommand(deps, actor, async (ctx) => {
    const batchId = newId();
    const at = ctx.now.toISOString();
    await ctx.trx
      .insertInto('supervision_batches')
      .values({
        id: batchId,
        agency_id: input.ownerAgencyId,
        year: input.year,
        title: input.title,
        created_by: actor.id,
        created_by_label: actor.label,
        created_at: at,
        file_count: input.files.length,
        finished_at: at,
      })
      .execute();
    ctx.record({
      agencyId: input.ownerAgencyId,
      subjectType: 'supervision_batch',
      subjectId: batchId,
      action: 'supervision.batch.create',
      after: { year: input.year, title: input.title, fileCount: input.files.length },
    });
    for (const [i, f] of input.files.entries()) {
      const id = await insertCheckedReport(ctx, {
        batchId,
        ownerAgencyId: input.ownerAgencyId,
        seq: i + 1,
        source: 'upload',
        name: f.name,
        size: f.bytes.length,
        sha256: createHash('sha256').update(f.bytes).digest('hex'),
        readAs: f.readAs,
        report: f.report,
        parserFindings: f.parserFindings,
        agencyId: f.agencyId,
        year: input.year,
      });
      ctx.record({
        agencyId: input.ownerAgencyId,
        subjectType: 'supervision_report',
        subjectId: id,
        action: 'supervision.report.read',
        after: { state: 'read', readAs: f.readAs, agencyId: f.agencyId, confirmed: true },
      });
    }
    ctx.record({
      agencyId: input.ownerAgencyId,
      subjectType: 'supervision_batch',
      subjectId: batchId,
      action: 'supervision.batch.finish',
    });
    return ok({ batchId });
  });
}

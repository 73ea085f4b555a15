// Use cases of the annual report, each one command with its audit event: compose a draft
// from the records, save the office's edits, recompute the tables after records changed,
// approve (office head; refused while an error finding stands), publish, and start a
// correction of a published report as its next version.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getAgencyById } from '../agencies/agency-repository.js';
import type { Actor } from '../commands/actor.js';
import { runCommand, type ServiceDeps } from '../commands/command.js';
import { fail, ok, type Result } from '../commands/result.js';
import type { Database } from '../db/schema.js';
import { checkReport, mergeFindings } from '../reports/checks/index.js';
import { receivePublishedReportIn } from '../supervision/commands.js';
import { FORMATS, TABLE_KEYS } from '../reports/format/index.js';
import type { AnnualReport, Finding, ReportSection, ReportTables } from '../reports/model.js';
import { isEditable, type StoredReport } from './annual-report.js';
import {
  getReport,
  insertReport,
  listVersions,
  setTownshipDeadline,
  updateUnpublished,
  VERSION_KEYS,
} from './annual-report-repository.js';
import { deadlineOf } from './agency-deadline.js';
import { compose } from './compose.js';
import { lastYearReport } from './last-year.js';
import { isDeadline } from './deadline.js';
import { gatherContributions } from './sources.js';
import { diffTables, type CellChange } from './tables.js';
import type { ReportSource } from './year-sources.js';

/** The date in China Standard Time, `YYYY-MM-DD`. */
export function cstDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Last year's report (see last-year.ts), for CARRY_OVER, T2_STOCK and SAME_AS_LAST_YEAR. */
export async function previousReport(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<AnnualReport | null> {
  return (await lastYearReport(db, agencyId, year))?.report ?? null;
}

/** Every check of the report engine on a stored report, with last year's and the deadline. */
export async function findingsOf(db: Kysely<Database>, stored: StoredReport): Promise<Finding[]> {
  const agency = await getAgencyById(db, stored.agencyId);
  const [previous, rule] = await Promise.all([
    previousReport(db, stored.agencyId, stored.year),
    agency ? deadlineOf(db, agency) : Promise.resolve(null),
  ]);
  const checked = checkReport(stored.report, {
    ...(previous ? { previous } : {}),
    ...(rule ? { deadline: rule.deadline } : {}),
  });
  // After an import, what the reader guessed is shown, and a sum that adds up a guessed
  // cell is not assessed until the office confirms it.
  const notes = stored.readingNotes?.findings ?? [];
  return notes.length > 0 ? mergeFindings(notes, checked, stored.report) : checked;
}

const NOT_FOUND = '该年度报告不存在。';
const PUBLISHED = '该版本已发布，不能修改；如需更正，请发起更正，形成新版本。';

export function composeDraft(
  deps: ServiceDeps,
  sources: readonly ReportSource[],
  agencyId: string,
  year: number,
  actor: Actor,
): Promise<Result<StoredReport>> {
  return runCommand(
    deps,
    actor,
    async (ctx) => {
      const agency = await getAgencyById(ctx.trx, agencyId);
      if (!agency) return fail({ _form: '该机关不存在。' });
      const versions = await listVersions(ctx.trx, agencyId, year);
      const latest = versions[0];
      if (latest && isEditable(latest)) return ok(latest);
      if (latest)
        return fail({ _form: `${year}年度报告已发布；如需更正，请在已发布的版本上发起更正。` });
      const contributions = await gatherContributions(sources, ctx.trx, agencyId, year);
      const c = compose({
        agencyName: agency.fullName,
        year,
        contributions,
        office: {
          name: agency.office.name,
          address: agency.office.address,
          phone: agency.office.phone,
        },
      });
      const now = ctx.now.toISOString();
      const stored: StoredReport = {
        id: randomUUID(),
        agencyId,
        year,
        version: 1,
        status: 'draft',
        report: c.report,
        computed: c.computed,
        changeNote: null,
        approvedBy: null,
        approvedAt: null,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
        readingNotes: null,
      };
      await insertReport(ctx.trx, stored);
      ctx.record({
        agencyId,
        subjectType: 'annual_report',
        subjectId: stored.id,
        action: 'annual_report.compose',
        after: {
          year,
          version: 1,
          computed: c.computed,
          sources: contributions.map((x) => x.label),
        },
      });
      return ok(stored);
    },
    {
      unique: {
        keys: VERSION_KEYS,
        taken: { _form: '刚刚有人已生成该年度的报告草稿，请刷新页面。' },
      },
    },
  );
}

export interface DraftEdit {
  /** The text before section 一; absent when the form did not send it. */
  preamble?: string;
  sections: Partial<Record<ReportSection['key'], string>>;
  /** Typed cells, for the tables no source computes; others are ignored. */
  typed: Partial<ReportTables>;
}

/** The report with the office's edits: prose replaced, typed tables replaced, computed kept. */
export function applyEdit(stored: StoredReport, edit: DraftEdit): AnnualReport {
  const r = stored.report;
  const tables = { ...r.tables };
  for (const t of TABLE_KEYS) {
    const typed = edit.typed[t];
    if (typed && !stored.computed.includes(t)) tables[t] = typed;
  }
  const { preamble: _kept, ...rest } = r;
  const preamble = edit.preamble ?? r.preamble;
  return {
    ...rest,
    ...(preamble ? { preamble } : {}),
    tables,
    sections: FORMATS[r.format].sections.map((def) => {
      const s = r.sections.find((x) => x.key === def.key) ?? {
        key: def.key,
        heading: null,
        text: '',
      };
      const text = edit.sections[def.key];
      return text === undefined
        ? s
        : { ...s, heading: s.heading ?? `${def.numeral}、${def.title}`, text };
    }),
  };
}

export async function editableReport(
  trx: Kysely<Database>,
  id: string,
): Promise<Result<StoredReport>> {
  const stored = await getReport(trx, id);
  if (!stored) return fail({ _form: NOT_FOUND });
  if (!isEditable(stored)) return fail({ _form: PUBLISHED });
  return ok(stored);
}

export async function write(
  trx: Kysely<Database>,
  next: StoredReport,
): Promise<Result<StoredReport>> {
  if (!(await updateUnpublished(trx, next))) return fail({ _form: PUBLISHED });
  return ok(next);
}

export function saveDraft(
  deps: ServiceDeps,
  id: string,
  edit: DraftEdit,
  actor: Actor,
): Promise<Result<StoredReport>> {
  return runCommand(deps, actor, async (ctx) => {
    const found = await editableReport(ctx.trx, id);
    if (!found.ok) return found;
    const before = found.value;
    // An edit after approval withdraws it: the head approved the text as it was. Saving
    // the form is the office confirming the cells an import marked (they were on it).
    const next: StoredReport = {
      ...before,
      report: applyEdit(before, edit),
      readingNotes: null,
      status: 'draft',
      approvedBy: null,
      approvedAt: null,
      updatedAt: ctx.now.toISOString(),
    };
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'annual_report',
      subjectId: id,
      action: 'annual_report.save',
      before: {
        status: before.status,
        preamble: before.report.preamble ?? null,
        sections: before.report.sections,
        tables: typedOnly(before),
      },
      after: {
        status: next.status,
        preamble: next.report.preamble ?? null,
        sections: next.report.sections,
        tables: typedOnly(next),
      },
    });
    return write(ctx.trx, next);
  });
}

export function typedOnly(r: StoredReport): Partial<ReportTables> {
  return Object.fromEntries(
    TABLE_KEYS.filter((t) => !r.computed.includes(t)).map((t) => [t, r.report.tables[t]]),
  );
}

export function recomputeTables(
  deps: ServiceDeps,
  sources: readonly ReportSource[],
  id: string,
  actor: Actor,
): Promise<Result<{ report: StoredReport; changes: CellChange[] }>> {
  return runCommand(deps, actor, async (ctx) => {
    const found = await editableReport(ctx.trx, id);
    if (!found.ok) return found;
    const before = found.value;
    const contributions = await gatherContributions(sources, ctx.trx, before.agencyId, before.year);
    const c = compose({
      agencyName: before.report.agency ?? '',
      year: before.year,
      contributions,
      typed: before.report.tables,
      sections: before.report.sections,
      ...(before.report.preamble ? { preamble: before.report.preamble } : {}),
    });
    const report: AnnualReport = { ...c.report, agency: before.report.agency };
    const changes = diffTables(FORMATS[report.format], before.report.tables, report.tables);
    const next: StoredReport = {
      ...before,
      report,
      computed: c.computed,
      ...(changes.length > 0 ? { status: 'draft', approvedBy: null, approvedAt: null } : {}),
      updatedAt: ctx.now.toISOString(),
    };
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'annual_report',
      subjectId: id,
      action: 'annual_report.recompute',
      after: { changes: changes.length, cells: changes.slice(0, 200) },
    });
    const saved = await write(ctx.trx, next);
    return saved.ok ? ok({ report: next, changes }) : saved;
  });
}

const unconfirmed = (n: number) =>
  `从文件导入的内容中有${n}处读取时不能确定，请逐一核对标记的单元格并保存后再审核。`;

/** What stops approval: the error findings, as one message. */
export function approvalBlock(findings: readonly Finding[]): string | null {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return null;
  return `报告中还有${errors.length}处错误，改正后才能审核通过：${errors
    .slice(0, 5)
    .map((f) => f.message)
    .join('；')}${errors.length > 5 ? '……' : ''}。`;
}

export function approveReport(
  deps: ServiceDeps,
  id: string,
  actor: Actor,
): Promise<Result<StoredReport>> {
  return runCommand(deps, actor, async (ctx) => {
    const found = await editableReport(ctx.trx, id);
    if (!found.ok) return found;
    const before = found.value;
    if (before.status === 'approved') return ok(before);
    if (before.readingNotes && before.readingNotes.findings.length > 0)
      return fail({ _form: unconfirmed(before.readingNotes.findings.length) });
    const block = approvalBlock(await findingsOf(ctx.trx, before));
    if (block) return fail({ _form: block });
    const now = ctx.now.toISOString();
    const next: StoredReport = {
      ...before,
      status: 'approved',
      approvedBy: actor.label,
      approvedAt: now,
      updatedAt: now,
    };
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'annual_report',
      subjectId: id,
      action: 'annual_report.approve',
      after: { year: before.year, version: before.version },
    });
    return write(ctx.trx, next);
  });
}

export function publishReport(
  deps: ServiceDeps,
  id: string,
  changeNote: string | null,
  actor: Actor,
  /** The date the report says it was published, when that was elsewhere (the demo's seed). */
  publishedOn?: string,
): Promise<Result<StoredReport>> {
  return runCommand(deps, actor, async (ctx) => {
    const found = await editableReport(ctx.trx, id);
    if (!found.ok) return found;
    const before = found.value;
    if (before.status !== 'approved') return fail({ _form: '报告须经负责人审核通过后才能发布。' });
    const note = changeNote?.trim() || null;
    if (before.version > 1 && !note)
      return fail({
        changeNote: '更正后的版本须写明更正说明（更正了什么、为什么），公众可以看到。',
      });
    // Checked again: last year's report or the schedule may have changed since approval.
    const now = ctx.now.toISOString();
    const report: AnnualReport = {
      ...before.report,
      publishedOn: publishedOn ?? cstDate(ctx.now),
    };
    const block = approvalBlock(await findingsOf(ctx.trx, { ...before, report }));
    if (block) return fail({ _form: block });
    const next: StoredReport = {
      ...before,
      report,
      status: 'published',
      changeNote: note,
      publishedAt: now,
      updatedAt: now,
    };
    ctx.record({
      agencyId: before.agencyId,
      subjectType: 'annual_report',
      subjectId: id,
      action: 'annual_report.publish',
      after: {
        year: before.year,
        version: before.version,
        publishedOn: report.publishedOn,
        changeNote: note,
      },
    });
    const written = await write(ctx.trx, next);
    if (!written.ok) return written;
    // The supervisor's dashboard receives it in the same transaction; a correction, being
    // received later, replaces the earlier version there.
    const received = await receivePublishedReportIn(ctx, {
      agencyId: before.agencyId,
      year: before.year,
      report,
      source: `本平台发布的${before.year}年度报告（第${before.version}版）`,
    });
    return received.ok ? written : received;
  });
}

export function startCorrection(
  deps: ServiceDeps,
  id: string,
  actor: Actor,
): Promise<Result<StoredReport>> {
  return runCommand(
    deps,
    actor,
    async (ctx) => {
      const published = await getReport(ctx.trx, id);
      if (!published) return fail({ _form: NOT_FOUND });
      const latest = (await listVersions(ctx.trx, published.agencyId, published.year))[0]!;
      if (isEditable(latest)) return ok(latest);
      if (latest.id !== published.id) return fail({ _form: '只能在最新发布的版本上发起更正。' });
      const now = ctx.now.toISOString();
      const next: StoredReport = {
        ...published,
        id: randomUUID(),
        version: published.version + 1,
        status: 'draft',
        report: { ...published.report, publishedOn: null },
        changeNote: null,
        approvedBy: null,
        approvedAt: null,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
        readingNotes: null,
      };
      await insertReport(ctx.trx, next);
      ctx.record({
        agencyId: published.agencyId,
        subjectType: 'annual_report',
        subjectId: next.id,
        action: 'annual_report.correct',
        after: { year: next.year, version: next.version, replaces: published.version },
      });
      return ok(next);
    },
    { unique: { keys: VERSION_KEYS, taken: { _form: '刚刚有人已发起更正，请刷新页面。' } } },
  );
}

/** The local schedule an agency sets for the townships and 街道 below it. */
export function setTownshipSchedule(
  deps: ServiceDeps,
  agencyId: string,
  deadline: string,
  actor: Actor,
): Promise<Result<string>> {
  return runCommand(deps, actor, async (ctx) => {
    if (!isDeadline(deadline))
      return fail({ deadline: '请填写每年都有的日期，格式为“月-日”，如 02-15。' });
    const before = await ctx.trx
      .selectFrom('annual_report_schedules')
      .select('township_deadline')
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    await setTownshipDeadline(ctx.trx, agencyId, deadline, ctx.now.toISOString());
    ctx.record({
      agencyId,
      subjectType: 'annual_report_schedule',
      subjectId: agencyId,
      action: 'annual_report.schedule',
      before: { deadline: before?.township_deadline ?? null },
      after: { deadline },
    });
    return ok(deadline);
  });
}

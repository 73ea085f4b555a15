// Importing an agency's catalogue from its old portal: one command, so the file is taken
// whole or not at all — every accepted row becomes a published item (body sanitised,
// indexed for search, the portal recorded as its channel on its publication date) in the
// same transaction as the audit events: one for the import (its id, the counts and the
// items), then one per item, under the item's own subject, saying which import, file and
// line it came from — so an item's history says how it came to be published. Rows refused
// are reported with their row numbers and reasons; a file refused as a whole stores nothing
// and records no event.
import { randomUUID } from 'node:crypto';
import type { Agency } from '../../agencies/agency.js';
import type { Actor } from '../../commands/actor.js';
import { runCommand, type ServiceDeps } from '../../commands/command.js';
import { fail, ok, type Result } from '../../commands/result.js';
import type { PublicationRow } from '../../db/schema.js';
import { nextIndexNumber, PUBLICATION_SUBJECT, snapshot } from '../commands.js';
import { MAX_SERIAL, urlKeyOf } from '../index-number.js';
import { raiseSerial, rowToPublication } from '../repository.js';
import { sanitizeBody } from '../sanitize.js';
import { indexPublication } from '../search.js';
import { checkRows, mapHeaders, type ImportItem, type RejectedRow } from './catalogue-rows.js';
import { readCatalogueFile } from './read-catalogue-file.js';

export const IMPORT_SUBJECT = 'publication_import';
/** The event of an imported item (subject: the item), beside the import's own event. */
export const IMPORT_ITEM_ACTION = 'publication.import_item';
const CHUNK = 200;

export interface ImportReport {
  filename: string;
  encoding: string;
  /** Data rows read (blank rows not counted). */
  rows: number;
  imported: number;
  /** Index numbers issued by the platform (or, in a dry run, that would be). */
  issued: number;
  /** Rows whose 发布机构 is the agency's full name because they named none. */
  issuerFilled: number;
  rejected: RejectedRow[];
  dryRun: boolean;
}

/** An imported item as stored: its index number brought or issued. */
type NumberedItem = ImportItem & { indexNumber: string; urlKey: string };

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function rowOf(agency: Agency, item: NumberedItem, by: Actor, now: string): PublicationRow {
  return {
    id: randomUUID(),
    agency_id: agency.id,
    state: 'published',
    title: item.title,
    summary: item.summary,
    body_html: sanitizeBody(item.body),
    index_number: item.indexNumber,
    url_key: item.urlKey,
    issuer: item.issuer,
    document_number: item.documentNumber,
    written_on: item.writtenOn,
    formed_on: item.writtenOn ?? item.publishedOn,
    changed_on: null,
    published_on: item.publishedOn,
    published_at: null,
    published_by: by.id,
    subject: item.subject,
    genre: item.genre,
    keywords: item.keywords.join('、'),
    category: item.category,
    validity: item.validity,
    validity_on: item.validityOn,
    replaced_by: null,
    submitted_by: null,
    withdrawal_reason: null,
    withdrawn_on: null,
    created_by: by.id,
    created_at: now,
    updated_at: now,
  };
}

/** The agency's own numbers (前段码/YYYY-NNNNN) raise that year's counter past them. */
function ownSerials(agency: Agency, items: readonly ImportItem[]): Map<number, number> {
  const own = new RegExp(`^${agency.code.replace(/[^A-Za-z0-9]/g, '\\$&')}/(\\d{4})-(\\d{5})$`);
  const max = new Map<number, number>();
  for (const item of items) {
    const m = item.indexNumber === null ? null : own.exec(item.indexNumber);
    if (!m) continue;
    const year = Number(m[1]);
    max.set(year, Math.max(max.get(year) ?? 0, Number(m[2])));
  }
  return max;
}

export async function importCatalogue(
  deps: ServiceDeps,
  actor: Actor,
  agency: Agency,
  file: { filename: string; bytes: Uint8Array },
  options: { dryRun?: boolean; issueIndexNumbers?: boolean } = {},
): Promise<Result<ImportReport>> {
  const read = await readCatalogueFile(file.bytes, file.filename);
  if (!read.ok) return fail({ file: read.error });
  const [header, ...data] = read.rows;
  if (!header || data.every((r) => r.every((c) => c.trim() === '')))
    return fail({ file: '文件中没有数据行：第 1 行应为表头，从第 2 行起每行一条信息' });
  const issueIndexNumbers = options.issueIndexNumbers === true;
  const headers = mapHeaders(header, { issueIndexNumbers });
  if (!headers.ok) return fail({ file: headers.error });
  const checked = checkRows(data, headers.map, { issueIndexNumbers, agencyName: agency.fullName });
  const rows = data.filter((r) => r.some((c) => c.trim() !== '')).length;
  return runCommand(deps, actor, async (ctx) => {
    // Numbers already stored: index numbers are unique across the platform, URL keys
    // within the agency.
    const taken = new Set<string>();
    const brought = checked.items.filter((i) => i.indexNumber !== null);
    for (const part of chunks(brought, 500)) {
      const found = await ctx.trx
        .selectFrom('publications')
        .select(['index_number', 'url_key', 'agency_id'])
        .where((eb) =>
          eb.or([
            eb(
              'index_number',
              'in',
              part.map((i) => i.indexNumber ?? ''),
            ),
            eb.and([
              eb('agency_id', '=', agency.id),
              eb(
                'url_key',
                'in',
                part.map((i) => i.urlKey ?? ''),
              ),
            ]),
          ]),
        )
        .execute();
      for (const f of found) {
        if (f.index_number) taken.add(`n:${f.index_number}`);
        if (f.url_key && f.agency_id === agency.id) taken.add(`k:${f.url_key}`);
      }
    }
    const rejected = [...checked.rejected];
    const accepted: ImportItem[] = [];
    for (const item of checked.items) {
      if (
        item.indexNumber !== null &&
        (taken.has(`n:${item.indexNumber}`) || taken.has(`k:${item.urlKey}`))
      )
        rejected.push({
          line: item.line,
          indexNumber: item.indexNumber,
          reason: '索引号已存在（已导入过或已在本平台发布），未重复导入',
        });
      else accepted.push(item);
    }
    rejected.sort((a, b) => a.line - b.line);
    const report: ImportReport = {
      filename: file.filename,
      encoding: read.encoding,
      rows,
      imported: accepted.length,
      issued: accepted.filter((i) => i.indexNumber === null).length,
      issuerFilled: accepted.filter((i) => i.issuerFilled).length,
      rejected,
      dryRun: options.dryRun === true,
    };
    if (options.dryRun || accepted.length === 0)
      return options.dryRun
        ? ok(report)
        : ok({ ...report, imported: 0, issued: 0, issuerFilled: 0 });
    // The file's own 前段码 numbers raise the counters first, so the numbers issued next
    // never repeat one brought in the same file.
    for (const [year, last] of ownSerials(agency, accepted))
      await raiseSerial(ctx.trx, agency.id, year, last);
    const inFile = new Set(brought.map((i) => i.urlKey));
    const numbered: NumberedItem[] = [];
    for (const item of accepted) {
      if (item.indexNumber !== null && item.urlKey !== null) {
        numbered.push({ ...item, indexNumber: item.indexNumber, urlKey: item.urlKey });
        continue;
      }
      const year = Number(item.publishedOn.slice(0, 4));
      let indexNumber = await nextIndexNumber(ctx, agency, year);
      while (indexNumber !== null && inFile.has(urlKeyOf(indexNumber)))
        indexNumber = await nextIndexNumber(ctx, agency, year);
      if (indexNumber === null)
        return fail({
          file: `第 ${item.line} 行：本机关 ${year} 年的索引号已用完（每年最多 ${MAX_SERIAL} 个），未导入任何信息`,
        });
      numbered.push({ ...item, indexNumber, urlKey: urlKeyOf(indexNumber) });
    }
    const now = ctx.now.toISOString();
    const stored = numbered.map((item) => rowOf(agency, item, actor, now));
    const lines = numbered.map((item) => item.line);
    for (const part of chunks(stored, CHUNK)) {
      await ctx.trx.insertInto('publications').values(part).execute();
      await ctx.trx
        .insertInto('publication_channels')
        .values(
          part.map((r) => ({
            publication_id: r.id,
            channel: 'website',
            published_on: r.published_on ?? r.formed_on,
          })),
        )
        .execute();
    }
    for (const row of stored) await indexPublication(ctx.trx, rowToPublication(row));
    // The import's id is its events' link: the import's subject, and in each item's event.
    const importId = randomUUID();
    ctx.record({
      agencyId: agency.id,
      subjectType: IMPORT_SUBJECT,
      subjectId: importId,
      action: 'publication.import',
      after: {
        filename: file.filename,
        rows,
        imported: accepted.length,
        issuedIndexNumbers: report.issued,
        issuerFilled: report.issuerFilled,
        rejected: rejected.length,
        items: stored.map((r) => r.id),
      },
    });
    stored.forEach((row, i) =>
      ctx.record({
        agencyId: agency.id,
        subjectType: PUBLICATION_SUBJECT,
        subjectId: row.id,
        action: IMPORT_ITEM_ACTION,
        after: {
          ...snapshot(rowToPublication(row)),
          importId,
          filename: file.filename,
          line: lines[i],
        },
      }),
    );
    return ok(report);
  });
}

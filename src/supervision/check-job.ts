// The job that reads and checks a batch's files, off the request thread: it takes the files
// still waiting, reads them in the reader's worker threads (several at once), records each
// result as it comes (so the progress page moves) and marks the batch finished. Idempotent:
// a file already read is not read again, so a retried or taken-over run only finishes the rest.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config.js';
import { listDescendantAgencies } from '../agencies/agency-repository.js';
import { systemActor } from '../commands/actor.js';
import type { ServiceDeps } from '../commands/command.js';
import { defineJob, type RegisteredJob } from '../jobs/job-runner.js';
import { READ_FAILED } from '../reports/read/read-task.js';
import { sharedReportReader, type ReportReader } from '../reports/read/reader-pool.js';
import { CHECK_BATCH_JOB, finishBatchIfDone, recordRead, type ReadOutcome } from './commands.js';
import { suggestAgency } from './matching.js';
import { FETCH_LIMITS, fetchReport, type FetchLimits } from './fetch-report.js';
import { readKind } from './read-kind.js';
import { getBatch, pendingContent, pendingIds } from './repository.js';

export const CHECK_ACTOR = systemActor('年度报告检查任务');

/** Reads every waiting file of the batch; returns how many were read by this run. */
export async function runCheckBatch(
  deps: ServiceDeps,
  reader: ReportReader,
  batchId: string,
  options: { signal?: AbortSignal; fetchLimits?: FetchLimits } = {},
): Promise<number> {
  const { signal } = options;
  const batch = await getBatch(deps.db.kysely, batchId);
  if (!batch) return 0;
  const agencies = await listDescendantAgencies(deps.db.kysely, batch.agency_id);
  let done = 0;
  // Taken from one queue by the loops of this run; another instance's run may at worst read
  // the same file, and recordRead keeps only the first result.
  const queue = await pendingIds(deps.db.kysely, batchId);
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (signal?.aborted) return;
      const row = await pendingContent(deps.db.kysely, id);
      if (!row) continue;
      let bytes: Uint8Array = Buffer.from(row.content_b64 ?? '', 'base64');
      let base = row.name.split('/').pop() ?? row.name;
      let fetched: ReadOutcome['fetched'];
      if (row.source === 'address') {
        const got = await fetchReport(row.name, options.fetchLimits ?? FETCH_LIMITS);
        if (!got.ok) {
          await recordRead(deps, CHECK_ACTOR, id, { ok: false, error: got.error, readAs: null });
          done += 1;
          continue;
        }
        bytes = got.bytes;
        base = got.name;
        fetched = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      }
      let outcome: ReadOutcome;
      const readAs = bytes.length > 0 ? readKind(bytes, base) : null;
      try {
        const parsed = await reader.read(new Uint8Array(bytes), base);
        outcome = parsed.ok
          ? {
              ok: true,
              report: parsed.report,
              parserFindings: parsed.findings,
              readAs: readAs ?? 'text',
              suggestedAgencyId: suggestAgency(parsed.report.agency, row.name, agencies),
            }
          : { ok: false, error: parsed.error, readAs };
      } catch {
        outcome = { ok: false, error: READ_FAILED, readAs };
      }
      await recordRead(deps, CHECK_ACTOR, id, { ...outcome, fetched });
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, reader.workers) }, worker));
  await finishBatchIfDone(deps, CHECK_ACTOR, batchId);
  return done;
}

export function checkBatchJob(config: Config, reader?: () => ReportReader): RegisteredJob {
  return defineJob({
    type: CHECK_BATCH_JOB,
    payload: z.object({ batchId: z.string().min(1).max(64) }),
    async run({ batchId }, ctx) {
      const read = await runCheckBatch(
        { db: ctx.db, clock: ctx.clock },
        (reader ?? sharedReportReader)(),
        batchId,
        {
          signal: ctx.signal,
          fetchLimits: { ...FETCH_LIMITS, allowPrivate: config.reportFetchAllowPrivate === true },
        },
      );
      return { read };
    },
  });
}

// The recurring export of the audit chain heads: every hour, when AUDIT_HEADS_DIR is set,
// one dated file `audit-heads-<instant>.json` there (a folder on another machine, mounted,
// or one that a backup or mail job picks up). Written whole under a temporary name and
// renamed, so a reader never sees half a file.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { defineJob, type RecurringJob, type RegisteredJob } from '../jobs/job-runner.js';
import { exportHeads, formatHeads } from './audit-heads.js';

export const HEADS_JOB = 'audit.heads.export';

export const HEADS_RECURRING: RecurringJob = {
  key: 'audit-heads',
  type: HEADS_JOB,
  everyMs: 60 * 60_000,
};

export function headsFileName(at: Date): string {
  return `audit-heads-${at.toISOString().replace(/[:.]/g, '-')}.json`;
}

export function headsJob(deps: { dir: string | undefined }): RegisteredJob {
  return defineJob({
    type: HEADS_JOB,
    payload: z.unknown(),
    async run(_payload, { db, clock }) {
      if (!deps.dir) return { written: null, reason: 'AUDIT_HEADS_DIR not set' };
      const doc = await exportHeads(db.kysely, clock.now());
      await mkdir(deps.dir, { recursive: true });
      const name = headsFileName(clock.now());
      const temp = join(deps.dir, `.${name}.partial`);
      await writeFile(temp, formatHeads(doc), { flag: 'w', mode: 0o644 });
      await rename(temp, join(deps.dir, name));
      return { written: name, chains: doc.heads.length };
    },
  });
}

// The search index's upkeep (search-compaction.ts), once a night on whichever instance claims
// it. A night's publishing adds a handful of segments; a catalogue import, many.
import { z } from 'zod';
import { defineJob, type RecurringJob, type RegisteredJob } from '../jobs/job-runner.js';
import { compactSearchIndex } from './search-compaction.js';

export const SEARCH_COMPACTION_JOB = 'publications.search.compact';

export const SEARCH_COMPACTION_RECURRING: RecurringJob = {
  key: 'search-compaction',
  type: SEARCH_COMPACTION_JOB,
  everyMs: 24 * 60 * 60_000,
};

export function searchCompactionJob(): RegisteredJob {
  return defineJob({
    type: SEARCH_COMPACTION_JOB,
    payload: z.object({}),
    // Steps are bounded (a few hundred milliseconds each) and stop when the lease runs out;
    // the next night goes on where this one stopped.
    run: (_payload, { db, signal }) => compactSearchIndex(db.kysely, { maxSteps: 300, signal }),
  });
}

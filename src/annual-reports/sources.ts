// Asking every feature's report source for an agency's year. A source that fails is not
// skipped silently: the composer cannot tell a missing table from an empty one, so the
// error reaches the caller and nothing is stored.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { LabelledContribution } from './compose.js';
import type { ReportSource } from './year-sources.js';

export async function gatherContributions(
  sources: readonly ReportSource[],
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<LabelledContribution[]> {
  const out: LabelledContribution[] = [];
  // One after the other: inside a transaction (SQLite, one connection) queries do not overlap.
  for (const source of sources) {
    out.push({
      label: source.label,
      contribution: await source.contribute({ db, agencyId, year }),
    });
  }
  return out;
}

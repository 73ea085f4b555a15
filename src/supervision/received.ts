// Which received report counts for each subordinate agency in a year: the latest one with
// no flag against it (see matching.ts). Pure, over rows already loaded.
import { batchFlags, type BatchFlag, type FlagInput } from './matching.js';

export interface ReceivedRow extends FlagInput {
  batchId: string | null;
  createdAt: string;
  /** The year it counts for (its batch's). */
  year: number;
}

/** Flags of every report, batch by batch (duplicates are looked for within a batch). */
export function flagsOfAll(
  rows: readonly ReceivedRow[],
  subordinates: ReadonlySet<string>,
): Map<string, BatchFlag[]> {
  const byBatch = new Map<string, ReceivedRow[]>();
  for (const r of rows) {
    const key = r.batchId ?? `single:${r.id}`;
    byBatch.set(key, [...(byBatch.get(key) ?? []), r]);
  }
  const out = new Map<string, BatchFlag[]>();
  for (const group of byBatch.values()) {
    for (const [id, flags] of batchFlags(group, group[0]!.year, subordinates)) out.set(id, flags);
  }
  return out;
}

/** Agency id → the id of the report that counts for it (the latest unflagged one). */
export function countedByAgency(
  rows: readonly ReceivedRow[],
  flags: ReadonlyMap<string, readonly BatchFlag[]>,
): Map<string, string> {
  const out = new Map<string, { id: string; at: string; seq: number }>();
  for (const r of rows) {
    if (r.state !== 'read' || r.agencyId === null) continue;
    if ((flags.get(r.id) ?? []).length > 0) continue;
    const held = out.get(r.agencyId);
    if (!held || r.createdAt > held.at || (r.createdAt === held.at && r.seq > held.seq))
      out.set(r.agencyId, { id: r.id, at: r.createdAt, seq: r.seq });
  }
  return new Map([...out].map(([agency, v]) => [agency, v.id]));
}

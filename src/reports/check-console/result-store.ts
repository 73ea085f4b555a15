// Check results kept for a short while so that the summary CSV can be downloaded after the
// results page is shown, without uploading the files again (a browser cannot re-send a
// file input, and the page works without JavaScript). Kept in memory, keyed by a random
// id and bound to the account that ran the check; only the CSV text is kept, which holds
// report figures and findings but no applicant's personal data (the reports hold none).
// See docs/decisions/0009-report-rendering.md.
import { randomBytes } from 'node:crypto';

export const RESULT_TTL_MINUTES = 120;
const MAX_RESULTS = 50;

interface Stored {
  owner: string;
  expiresAt: number;
  csv: string;
}

export class CheckResultStore {
  private readonly results = new Map<string, Stored>();

  constructor(
    private readonly ttlMs = RESULT_TTL_MINUTES * 60_000,
    private readonly max = MAX_RESULTS,
  ) {}

  /** Keeps the CSV for `owner` and returns its id (unguessable: 128 random bits). */
  put(owner: string, csv: string, now: Date): string {
    this.sweep(now);
    while (this.results.size >= this.max) {
      const oldest = this.results.keys().next().value;
      if (oldest === undefined) break;
      this.results.delete(oldest);
    }
    const id = randomBytes(16).toString('base64url');
    this.results.set(id, { owner, expiresAt: now.getTime() + this.ttlMs, csv });
    return id;
  }

  /** The CSV, if it exists, has not expired and belongs to `owner`. */
  get(id: string, owner: string, now: Date): string | null {
    this.sweep(now);
    const r = this.results.get(id);
    return r && r.owner === owner ? r.csv : null;
  }

  private sweep(now: Date): void {
    for (const [id, r] of this.results) if (r.expiresAt <= now.getTime()) this.results.delete(id);
  }
}

// Which subordinate agency a received report is from, suggested from the name the report
// gives itself or, failing that, from its file name; the supervisor confirms or corrects.
// And what makes a report not count as received (another year, not a subordinate, the same
// file twice). Pure.

export interface AgencyName {
  id: string;
  fullName: string;
  shortName: string;
}

/** Names compared without spaces, punctuation and the 「中共」「人民政府」 variants that differ. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/办事处$/u, '');
}

function candidates(a: AgencyName): string[] {
  const names = [a.fullName, a.shortName].map(normaliseName).filter((n) => n.length >= 2);
  return [...new Set(names)];
}

/**
 * The agency whose full or short name the text contains (or which contains the text), the
 * longest such name winning; null when none, or when two agencies match equally well.
 */
function bestMatch(text: string, agencies: readonly AgencyName[]): string | null {
  const t = normaliseName(text);
  if (t.length < 2) return null;
  let best: { id: string; length: number } | null = null;
  let tie = false;
  for (const a of agencies) {
    for (const n of candidates(a)) {
      const hit = t.includes(n) || (t.length >= 4 && n.includes(t));
      if (!hit) continue;
      const length = Math.min(n.length, t.length);
      if (!best || length > best.length) {
        best = { id: a.id, length };
        tie = false;
      } else if (length === best.length && best.id !== a.id) tie = true;
    }
  }
  return best && !tie ? best.id : null;
}

/** The suggestion for one report: by the name in the report, else by the file name. */
export function suggestAgency(
  reportAgency: string | null,
  fileName: string,
  agencies: readonly AgencyName[],
): string | null {
  if (reportAgency) {
    const byReport = bestMatch(reportAgency, agencies);
    if (byReport) return byReport;
  }
  const base = (fileName.split('/').pop() ?? fileName).replace(/\.[a-z0-9]+$/iu, '');
  return bestMatch(base, agencies);
}

/** Why a received report is not counted for the batch's year (several may apply). */
export type BatchFlag = 'unmatched' | 'outside' | 'other_year' | 'duplicate' | 'unconfirmed';

export const FLAG_LABELS: Readonly<Record<BatchFlag, string>> = {
  unmatched: '未匹配到下级机关',
  outside: '不是本机关的下级机关',
  other_year: '报告年度与本批次不符',
  duplicate: '与本批次另一文件内容相同',
  unconfirmed: '机关待确认',
};

export interface FlagInput {
  id: string;
  seq: number;
  sha256: string | null;
  state: string;
  agencyId: string | null;
  confirmed: boolean;
  reportYear: number | null;
}

/**
 * Each report's flags within its batch: the year read differs from the batch's; the agency
 * (confirmed or suggested) is none or not a subordinate; the same content arrived earlier in
 * the batch (the first copy counts, the later ones are flagged); the match is not confirmed.
 */
export function batchFlags(
  reports: readonly FlagInput[],
  batchYear: number,
  subordinates: ReadonlySet<string>,
): Map<string, BatchFlag[]> {
  const firstOfHash = new Map<string, number>();
  for (const r of [...reports].sort((a, b) => a.seq - b.seq)) {
    if (r.sha256 && !firstOfHash.has(r.sha256)) firstOfHash.set(r.sha256, r.seq);
  }
  const out = new Map<string, BatchFlag[]>();
  for (const r of reports) {
    const flags: BatchFlag[] = [];
    if (r.sha256 && firstOfHash.get(r.sha256) !== r.seq) flags.push('duplicate');
    if (r.state === 'read') {
      if (r.agencyId === null) flags.push('unmatched');
      else if (!subordinates.has(r.agencyId)) flags.push('outside');
      else if (!r.confirmed) flags.push('unconfirmed');
      if (r.reportYear !== null && r.reportYear !== batchYear) flags.push('other_year');
    }
    out.set(r.id, flags);
  }
  return out;
}

/** A report counts for its agency's year only when nothing above holds against it. */
export function counts(flags: readonly BatchFlag[]): boolean {
  return flags.length === 0;
}

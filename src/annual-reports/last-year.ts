// Last year's report of an agency, for the checks (CARRY_OVER, T2_STOCK, SAME_AS_LAST_YEAR)
// and for the editor's side-by-side view: the one published here, or else the copy the
// supervising agency received in a check batch (an agency that published elsewhere).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AnnualReport } from '../reports/model.js';
import { getPublished } from './annual-report-repository.js';
import { reportPath } from './paths.js';

export interface LastYear {
  report: AnnualReport;
  /** Where it comes from, as the editor says it (「第1版，2022年1月18日发布」). */
  source: string;
  /** Its console page, when it was published here. */
  href: string | null;
}

export async function lastYearReport(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
): Promise<LastYear | null> {
  const published = await getPublished(db, agencyId, year - 1);
  if (published)
    return {
      report: published.report,
      source: `本平台发布的第${published.version}版`,
      href: reportPath(published.id),
    };
  // The supervision feature's received copies: read, matched to this agency and confirmed.
  const copy = await db
    .selectFrom('supervision_reports')
    .select(['report_json', 'name'])
    .where('agency_id', '=', agencyId)
    .where('year', '=', year - 1)
    .where('state', '=', 'read')
    .where('confirmed', '=', 1)
    .where('report_json', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!copy?.report_json) return null;
  return {
    report: JSON.parse(copy.report_json) as AnnualReport,
    source: `上级机关核查时收到的文件“${copy.name}”`,
    href: null,
  };
}

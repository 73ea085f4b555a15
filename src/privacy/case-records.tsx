// The case page's "案卷与个人信息" section: where the case stands in its retention period, and
// the link to its 档案 (.zip). Shown to staff who handle the case.
import type { Config } from '../config.js';
import type { RequestCase } from '../requests/request.js';
import { DEFAULT_CASE_RETENTION_YEARS, purgeDueOn } from './retention.js';

export const archivePath = (id: string) => `/console/requests/${id}/archive.zip`;

export function retentionYearsOf(config: Config): number {
  return config.personalDataRetentionYears ?? DEFAULT_CASE_RETENTION_YEARS;
}

/** The purge state in words. */
export function purgeStateText(
  rc: Pick<RequestCase, 'closedOn'>,
  purgedOn: string | null,
  years: number,
): string {
  if (purgedOn)
    return `申请人个人信息已于 ${purgedOn} 按保存期限清除；统计数据、查询号、日期和办理结果保留。`;
  if (!rc.closedOn) return `办结后保存申请人个人信息 ${years} 年，期满自动清除。`;
  return `申请人个人信息保存至 ${purgeDueOn(rc.closedOn, years)}（办结后满 ${years} 年），期满自动清除；清除前请导出案卷交档案室保存。`;
}

export function CaseRecords(p: { c: RequestCase; purgedOn: string | null; years: number }) {
  return (
    <section aria-labelledby="records-title">
      <h2 id="records-title">案卷与个人信息</h2>
      <p>{purgeStateText(p.c, p.purgedOn, p.years)}</p>
      <p>
        <a href={archivePath(p.c.id)} download>
          下载案卷（.zip：案卷目录、办理记录、全部文书和申请人提交的材料）
        </a>
      </p>
    </section>
  );
}

/** The day the case's personal data was purged, or null. */
export async function purgedOnOf(
  db: import('kysely').Kysely<import('../db/schema.js').Database>,
  id: string,
): Promise<string | null> {
  const r = await db
    .selectFrom('requests')
    .select('personal_data_purged_on')
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.personal_data_purged_on ?? null;
}

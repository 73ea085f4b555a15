// What the other records contribute to the annual report: the facts section 一 and 六 are
// drafted from (open days with their themes, training, community-level work, suggestions
// and proposals handled). They give no table cells.
import type { ActivityFact, ReportSource } from '../annual-reports/year-sources.js';
import { recordsOfYear } from './repository.js';
import { factDetail, handledCounts, type WorkRecord, type WorkRecordKind } from './work-record.js';

const activity = (r: WorkRecord): ActivityFact => ({
  date: r.occurredOn,
  title: r.title,
  detail: factDetail(r),
});

export const workRecordsReportSource: ReportSource = {
  label: '政务公开工作记录',
  async contribute({ db, agencyId, year }) {
    const records = await recordsOfYear(db, agencyId, year);
    const of = (kind: WorkRecordKind) => records.filter((r) => r.kind === kind);
    return {
      facts: {
        openDays: of('open_day').map(activity),
        trainings: of('training').map(activity),
        communityWork: of('community').map(activity),
        deputySuggestions: handledCounts(of('deputy_suggestion')),
        cppccProposals: handledCounts(of('cppcc_proposal')),
      },
    };
  },
};

// What the new-media registry gives the annual report of a year (section 二's 政务新媒体
// paragraph): the accounts operating at 31 December and those closed during the year.
import type { MediaAccountFact, ReportSource } from '../annual-reports/year-sources.js';
import { platformName, type NewMediaAccount } from './new-media.js';
import { listAllAccounts } from './new-media-repository.js';

/** Pure: which accounts were operating at the year's end, and which were closed in it. */
export function mediaFactsForYear(
  accounts: readonly NewMediaAccount[],
  year: number,
): { active: MediaAccountFact[]; closed: MediaAccountFact[] } {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const fact = (a: NewMediaAccount, closed: boolean): MediaAccountFact => ({
    platform: platformName(a),
    name: a.name,
    closedOn: closed ? a.closedOn : null,
    closedReason: closed ? a.closeReason : null,
  });
  return {
    active: accounts
      .filter((a) => a.openedOn <= last && (a.closedOn === null || a.closedOn > last))
      .map((a) => fact(a, false)),
    closed: accounts
      .filter((a) => a.closedOn !== null && a.closedOn >= first && a.closedOn <= last)
      .map((a) => fact(a, true)),
  };
}

export const newMediaReportSource: ReportSource = {
  label: '政务新媒体登记',
  async contribute({ db, agencyId, year }) {
    const { active, closed } = mediaFactsForYear(await listAllAccounts(db, agencyId), year);
    return { facts: { mediaAccountsActive: active, mediaAccountsClosed: closed } };
  },
};

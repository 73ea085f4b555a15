// When the next annual report is due (《条例》第四十九条: by 31 January, on the previous
// calendar year). Dates are those of China Standard Time. Pure: the clock is passed in.

export interface ReportDeadline {
  /** The year the report covers. */
  reportYear: number;
  /** `YYYY-MM-DD` of the 31 January it is due. */
  dueDate: string;
  /** Calendar days from today (CST) to the due date; 0 on the day itself. */
  daysLeft: number;
}

export function nextReportDeadline(now: Date): ReportDeadline {
  const cst = new Date(now.getTime() + 8 * 60 * 60 * 1000);
  const year = cst.getUTCFullYear();
  const today = Date.UTC(year, cst.getUTCMonth(), cst.getUTCDate());
  // Until 31 January the report on last year is the one due; after it, this year's.
  const dueYear = cst.getUTCMonth() === 0 ? year : year + 1;
  const due = Date.UTC(dueYear, 0, 31);
  return {
    reportYear: dueYear - 1,
    dueDate: `${dueYear}-01-31`,
    daysLeft: Math.round((due - today) / 86_400_000),
  };
}

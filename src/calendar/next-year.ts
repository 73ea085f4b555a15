// From November the State Council's notice for next year is due (it usually comes out in
// November or December): until that year is loaded, deadlines running into it are only
// provisional, so the platform administrator is reminded to import it.

const beijingParts = (now: Date) => {
  const shifted = new Date(now.getTime() + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1 };
};

/** The year whose holiday notice should be loaded by now but is not, or null. */
export function missingNextYear(now: Date, loadedYears: readonly number[]): number | null {
  const { year, month } = beijingParts(now);
  if (month < 11) return null;
  return loadedYears.includes(year + 1) ? null : year + 1;
}

export const nextYearReminder = (year: number): string =>
  `尚未载入${year}年的节假日安排，国务院办公厅通知发布后请及时导入`;

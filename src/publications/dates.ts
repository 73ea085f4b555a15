// Calendar dates (YYYY-MM-DD) as Chinese readers write them: 2021年6月18日. Pure.
export function chineseDateOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

// The real-report corpus figures (issue 11): how much of 40+ published reports the reader
// gets right, cell for cell, and how many errors (of any kind: a sum, a missing section, a
// cell) it reports that the reports do not have. Goals: cell accuracy ≥ 99.5 %, false errors 0.
import { figures, loadCorpus, readFixture } from '../src/reports/parse/real-corpus.js';

const ACCURACY_GOAL = 0.995;

export async function corpus(): Promise<void> {
  const results = [];
  for (const entry of loadCorpus()) results.push(await readFixture(entry));
  const f = figures(results);
  const accuracy = f.cells === 0 ? 0 : f.cellsRight / f.cells;
  console.log(
    `真实报告语料 ${f.reports} 份：单元格准确率 ${(accuracy * 100).toFixed(2)}%（${f.cellsRight}/${f.cells}，目标 ≥ ${ACCURACY_GOAL * 100}%）；` +
      `误报错误 ${f.falseErrors} 个（各类错误，目标 0）；完全读对 ${f.fullyRight}/${f.reports} 份`,
  );
  for (const r of results)
    for (const key of r.falseErrors) console.log(`  误报：${r.entry.name} ${key}`);
  const unread = results.filter((r) => r.readError !== null).map((r) => r.entry.name);
  if (unread.length > 0) console.log(`  未能读取：${unread.join('、')}`);
}

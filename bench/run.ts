// `npm run bench`: throughput of `gongkai check` on seed-sized reports and the cost of
// rendering .docx. Each figure is printed beside a baseline measured in the same run (a
// JSON round trip of the same report), so numbers from different machines compare by
// ratio. Goal: ≥ 500 reports per second on one core for parse + check. Prints only;
// never fails a build.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { checkReport } from '../src/reports/checks/index.js';
import { reportToJson } from '../src/reports/json.js';
import type { AnnualReport } from '../src/reports/model.js';
import { parseReport } from '../src/reports/parse/index.js';
import { renderReport } from '../src/reports/render/index.js';

const GOAL_PER_SECOND = 500;
const SEED = new URL('../test/fixtures/reports/seed-2021-lingshanwei.txt', import.meta.url);

interface Measure {
  perSecond: number;
  msEach: number;
}

/** Runs `fn` repeatedly for about `seconds` after a warm-up; every call is awaited. */
async function measure(fn: () => unknown, seconds = 1.5): Promise<Measure> {
  // Warm up by count as well as by time, so the JIT has optimised the code being measured
  // even when the machine is busy.
  const warmUntil = performance.now() + 300;
  for (let i = 0; i < 300 || performance.now() < warmUntil; i++) await fn();
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    await fn();
    n++;
  }
  const ms = performance.now() - start;
  return { perSecond: (n / ms) * 1000, msEach: ms / n };
}

/** For slow operations (.docx): a few warm-up calls only. */
async function measureFew(fn: () => unknown, seconds: number): Promise<Measure> {
  for (let i = 0; i < 3; i++) await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() < start + seconds * 1000) {
    await fn();
    n++;
  }
  const ms = performance.now() - start;
  return { perSecond: (n / ms) * 1000, msEach: ms / n };
}

const fmt = (m: Measure) =>
  `${Math.round(m.perSecond).toLocaleString('zh-CN')} 份/秒（每份 ${m.msEach.toFixed(3)} 毫秒）`;
const ratio = (a: Measure, baseline: Measure) =>
  `为基准耗时的 ${(a.msEach / baseline.msEach).toFixed(1)} 倍`;

async function main(): Promise<void> {
  const bytes = new Uint8Array(readFileSync(SEED));
  const parsed = await parseReport({ bytes, filename: 'seed.txt' });
  if (!parsed.ok) {
    console.log(`无法解析种子报告，跳过测量：${parsed.error}`);
    return;
  }
  const report: AnnualReport = parsed.report;
  console.log(
    `年度报告性能测量（单核，Node ${process.version}；样本：灵山卫街道2021年度报告，${bytes.length} 字节）`,
  );
  // Other work on the machine slows every figure alike; the ratios to the baseline stay comparable.
  console.log(
    `系统负载 ${loadavg()[0]?.toFixed(1)}（${availableParallelism()} 核）；负载高于核数时各项数字偏低，请看与基准的倍数`,
  );

  const baseline = await measure(() => JSON.parse(JSON.stringify(reportToJson(report))));
  console.log(`基准   JSON 序列化+解析同一报告：${fmt(baseline)}`);

  const checkOnly = await measure(() => checkReport(report));
  console.log(`检查   checkReport：${fmt(checkOnly)}，${ratio(checkOnly, baseline)}`);

  const parseAndCheck = await measure(async () => {
    const r = await parseReport({ bytes, filename: 'seed.txt' });
    if (r.ok) checkReport(r.report);
  });
  const verdict = parseAndCheck.perSecond >= GOAL_PER_SECOND ? '达到' : '未达到';
  console.log(
    `解析+检查 文本报告：${fmt(parseAndCheck)}，${ratio(parseAndCheck, baseline)}；${verdict}目标（≥${GOAL_PER_SECOND} 份/秒）`,
  );

  const docx = await measureFew(() => renderReport(report, 'docx'), 3);
  const size = (await renderReport(report, 'docx')).byteLength;
  console.log(
    `生成   Word（.docx，${Math.round(size / 1024)} KB）：${fmt(docx)}，${ratio(docx, baseline)}`,
  );
}

try {
  await main();
} catch (err) {
  // A benchmark reports; it never breaks a build.
  console.log(`性能测量未能完成：${err instanceof Error ? err.message : String(err)}`);
}

// `gongkai fee --per-application N` / `gongkai fee --pages N`: the 信息处理费 calculator
// (src/requests/fees.ts). It prints the working band by band and, alone on the last line,
// the amount in 元 — for N applications of one applicant in one calendar month, or for one
// application of N pages. One method at a time, as the fee rules require.
import type { Command } from 'commander';
import {
  describeFee,
  FEE_METHOD_LABELS,
  formatYuan,
  MAX_FEE_UNITS,
  perApplicationTotal,
  perPageFee,
  type FeeWorking,
} from '../requests/fees.js';
import { CliError } from './errors.js';

export function registerFee(program: Command): void {
  program
    .command('fee')
    .description(
      '计算信息处理费（《政府信息公开信息处理费管理办法》）：按件或按量，二者选一；最后一行为金额（元）',
    )
    .option('--per-application <件数>', '按件计收：同一申请人同一自然月内的申请件数')
    .option('--pages <页数>', '按量计收：一件申请的页数')
    .action((opts: { perApplication?: string; pages?: string }) => {
      const working = feeWorking(opts);
      process.stdout.write(feeText(working));
    });
}

function feeWorking(opts: { perApplication?: string; pages?: string }): FeeWorking {
  if ((opts.perApplication === undefined) === (opts.pages === undefined)) {
    throw new CliError(
      '请选择一种计收方式（二者只能选一）：--per-application 件数（按件），或 --pages 页数（按量）',
    );
  }
  if (opts.perApplication !== undefined) {
    return perApplicationTotal(count(opts.perApplication, '件数'));
  }
  return perPageFee(count(opts.pages!, '页数'));
}

function count(text: string, what: string): number {
  const t = text.trim();
  if (!/^\d{1,7}$/.test(t) || Number(t) > MAX_FEE_UNITS) {
    throw new CliError(`${what}「${text}」无效：应为 0 到 ${MAX_FEE_UNITS} 之间的整数`);
  }
  return Number(t);
}

export function feeText(working: FeeWorking): string {
  const heading =
    working.method === 'per_application'
      ? `${FEE_METHOD_LABELS.per_application}（同一申请人同一自然月内累计）：`
      : `${FEE_METHOD_LABELS.per_page}（一件申请）：`;
  const lines = [heading, ...describeFee(working), '合计（元）：', formatYuan(working.total)];
  return `${lines.join('\n')}\n`;
}

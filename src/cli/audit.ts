// `gongkai audit verify [--heads FILE]` and `gongkai audit heads [--out FILE]`: the audit
// chains checked from the command line (for an inspector, a cron job, a restore), and their
// heads exported to be kept outside the database. Exit code 1 when a chain does not verify.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkAgainstHeads, exportHeads, formatHeads, parseHeads } from '../audit/audit-heads.js';
import { listChainIds, verifyAuditChain } from '../audit/audit-verify.js';
import { systemClock } from '../db/time.js';
import { CliError } from './errors.js';
import { withDatabase } from './with-database.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志：校验哈希链、导出链头');

  audit
    .command('verify')
    .description('校验每个机关的审计链；给出 --heads 时同时核对此前导出的链头')
    .option('--heads <文件>', 'gongkai audit heads 导出的链头文件')
    .action(async (opts: { heads?: string }) => {
      const heads = opts.heads === undefined ? null : readHeadsFile(opts.heads);
      await withDatabase(
        async (db) => {
          const names = await agencyNames(db.kysely);
          const label = (id: string) => names.get(id) ?? (id === 'system' ? '平台' : id);
          let failed = 0;
          for (const chainId of await listChainIds(db.kysely)) {
            const v = await verifyAuditChain(db.kysely, chainId);
            if (v.ok) console.log(`ok ${chainId} ${v.checked}`);
            else {
              failed++;
              console.log(`broken ${chainId} ${v.problem?.seq ?? 0}`);
              console.error(`${label(chainId)}：${v.problem?.message ?? '校验未通过'}`);
            }
          }
          if (heads) {
            for (const p of await checkAgainstHeads(db.kysely, heads)) {
              failed++;
              console.log(`rewound ${p.chainId}`);
              console.error(p.message.replace(`链 ${p.chainId}`, label(p.chainId)));
            }
          }
          if (failed > 0) throw new CliError(`审计日志校验未通过：${failed} 处问题，见上。`, 1);
          console.error(
            heads
              ? `审计链全部校验通过，并与 ${heads.exportedAt} 导出的链头相符。`
              : '审计链全部校验通过。',
          );
        },
        { migrate: false },
      );
    });

  audit
    .command('heads')
    .description('输出每条审计链的链头（序号和哈希值），带导出时间和校验值，供在数据库之外保存')
    .option('--out <文件>', '写入该文件，而不是输出到屏幕')
    .action(async (opts: { out?: string }) => {
      await withDatabase(
        async (db) => {
          const text = formatHeads(await exportHeads(db.kysely, systemClock.now()));
          if (opts.out === undefined) process.stdout.write(text);
          else {
            writeFileSync(opts.out, text, { mode: 0o644 });
            console.error(`链头已写入 ${opts.out}。请把它保存在数据库服务器以外的地方。`);
          }
        },
        { migrate: false },
      );
    });
}

function readHeadsFile(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`无法读取链头文件 ${path}：请检查路径。`);
  }
  const parsed = parseHeads(text);
  if (!parsed.ok) throw new CliError(parsed.message, 1);
  return parsed.doc;
}

async function agencyNames(db: Parameters<typeof listChainIds>[0]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('agencies').select(['id', 'full_name']).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

// `gongkai backup FILE` and `gongkai restore FILE [--force]`. Output for people, in Chinese,
// on stderr; the exit code says whether it worked (1: the restored data does not match).
import type { Command } from 'commander';
import { backup } from '../backup/backup.js';
import { readManifest, restore, RestoreRefused, sqliteTargetHasData } from '../backup/restore.js';
import { openSnapshot, sqlitePath } from '../backup/backup.js';
import { openDatabase } from '../db/database.js';
import { systemClock } from '../db/time.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { CliError } from './errors.js';
import { cliConfig, withDatabase } from './with-database.js';

export const PG_DUMP_HINT = (file: string) =>
  [
    'PostgreSQL 数据库本身请用它自带的工具备份（可在服务运行时进行，得到一致的快照）：',
    `  pg_dump --format=custom --file=${file}.pgdump "$DATABASE_URL"`,
    '恢复时先恢复数据库，再用 gongkai restore 恢复文件并核对：',
    `  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" ${file}.pgdump`,
    `  gongkai restore ${file}`,
  ].join('\n');

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('备份：内置数据库的一致快照和全部上传文件，写入一个文件（可在服务运行时进行）')
    .argument('<文件>', '备份文件路径（不能已存在），例如 backup-2026-12-01.zip')
    .action(async (file: string) => {
      await withDatabase(async (db, config) => {
        let result;
        try {
          result = await backup(
            {
              db,
              databaseUrl: config.databaseUrl,
              blobs: localBlobStorage(config.fileStoreDir),
              now: systemClock.now(),
            },
            file,
          );
        } catch (e) {
          if ((e as { code?: unknown }).code === 'EEXIST')
            throw new CliError(`${file} 已存在：备份不会覆盖已有文件，请换一个文件名。`);
          throw e;
        }
        const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0);
        console.error(
          `已备份到 ${file}：${Object.keys(result.manifest.tables).length} 张表共 ${rows} 行，${result.manifest.files.length - result.missingFiles.length} 个文件。`,
        );
        if (result.missingFiles.length > 0)
          console.error(
            `注意：${result.missingFiles.length} 个已登记的文件在存储目录中找不到：${result.missingFiles.join('、')}`,
          );
        if (db.dialect === 'postgres') console.error(PG_DUMP_HINT(file));
      });
    });

  program
    .command('restore')
    .description(
      '从 gongkai backup 生成的文件恢复，并核对行数、文件和审计链（请先停止 gongkai serve）',
    )
    .argument('<文件>', '备份文件')
    .option('--force', '覆盖已有数据的目标数据库和文件目录')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = cliConfig();
      const dialect = config.databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
      const target = {
        dialect,
        databaseUrl: config.databaseUrl,
        fileStoreDir: config.fileStoreDir,
        blobs: localBlobStorage(config.fileStoreDir),
        open: () =>
          dialect === 'sqlite'
            ? openSnapshot(sqlitePath(config.databaseUrl))
            : openDatabase(config.databaseUrl),
      } as const;
      let report;
      try {
        readManifest(file);
        report = await restore(target, file, {
          force: opts.force === true,
          targetHasData: dialect === 'sqlite' && sqliteTargetHasData(config.databaseUrl),
        });
      } catch (e) {
        if (e instanceof RestoreRefused) throw new CliError(e.message);
        if ((e as { code?: unknown }).code === 'ENOENT')
          throw new CliError(`找不到备份文件 ${file}。`);
        throw e;
      }
      if (report.problems.length > 0) {
        for (const p of report.problems) console.error(p);
        throw new CliError(`恢复后的数据与备份不符：${report.problems.length} 处问题，见上。`, 1);
      }
      console.error(
        `已从 ${file}（${report.manifest.createdAt} 备份）恢复 ${report.files} 个文件${dialect === 'sqlite' ? '和数据库' : ''}；行数、文件校验值和审计链均与备份一致。`,
      );
    });
}

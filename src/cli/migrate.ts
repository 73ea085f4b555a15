import type { Command } from 'commander';
import { migrateToLatest } from '../db/migrate.js';
import { withDatabase } from './with-database.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('将数据库结构升级到最新版本')
    .action(async () => {
      await withDatabase(
        async (db) => {
          const applied = await migrateToLatest(db);
          console.log(
            applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新结构。',
          );
        },
        { migrate: false },
      );
    });
}

import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { CliError } from './errors.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('将数据库结构升级到最新版本')
    .action(async () => {
      let config;
      try {
        config = loadConfig();
      } catch (e) {
        if (e instanceof ConfigError) throw new CliError(e.message);
        throw e;
      }
      const db = openDatabase(config.databaseUrl);
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新结构。');
      } finally {
        await db.close();
      }
    });
}

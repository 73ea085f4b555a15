// `gongkai demo`: creates or refreshes the demo agencies and accounts in the configured
// database (idempotent). The only way demo accounts get into a PostgreSQL database.
import type { Command } from 'commander';
import { systemClock } from '../db/time.js';
import { ROLE_LABELS } from '../auth/roles.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/demo-data.js';
import { seedDemo } from '../demo/seed-demo.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore } from '../files/file-store.js';
import { cliConfig, withDatabase } from './with-database.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('在当前数据库中创建或重置演示数据（灵山卫街道办事处及各角色演示账号）')
    .action(async () => {
      await withDatabase(async (db) => {
        // With the file store, the open demo cases carry the letters their steps issued.
        const blobs = localBlobStorage(cliConfig().fileStoreDir);
        const files = createFileStore({ db, clock: systemClock, blobs });
        const result = await seedDemo({ db, clock: systemClock, files, supervision: true });
        console.log(
          `演示数据已就绪（${db.describe}）：${result.parent.fullName} → ${result.agency.fullName}`,
        );
        console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
        for (const a of DEMO_ACCOUNTS) {
          const agency = a.agency === 'parent' ? result.parent.shortName : result.agency.shortName;
          console.log(
            `  ${a.username}\t${a.roles.map((r) => ROLE_LABELS[r]).join('、')}\t${agency}`,
          );
        }
      });
    });
}

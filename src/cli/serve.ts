import type { Command } from 'commander';
import { DatabaseUrlError } from '../db/database.js';
import { startServer } from '../main.js';
import { CliError } from './errors.js';
import { cliConfig, connectionProblem } from './with-database.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网站（门户、工作台和接口）')
    .option('--demo-if-new', '新建的内置数据库自动填入演示数据')
    .action(async (opts: { demoIfNew?: boolean }) => {
      const config = cliConfig();
      let server;
      try {
        server = await startServer(config, { demoIfNew: opts.demoIfNew === true });
      } catch (e) {
        if (e instanceof DatabaseUrlError) throw new CliError(e.message);
        const problem = connectionProblem(e);
        if (problem) throw new CliError(`无法连接数据库：${problem}。请检查 DATABASE_URL。`);
        if ((e as { code?: unknown }).code === 'EADDRINUSE')
          throw new CliError(
            `端口 ${config.port} 已被占用：请关闭占用它的程序，或用 PORT 指定其他端口。`,
          );
        throw e;
      }
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

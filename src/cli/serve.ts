import type { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { startServer } from '../main.js';
import { CliError } from './errors.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动网站（门户、工作台和接口）')
    .option('--demo-if-new', '新建的内置数据库自动填入演示数据')
    .action(async (opts: { demoIfNew?: boolean }) => {
      let config;
      try {
        config = loadConfig();
      } catch (e) {
        if (e instanceof ConfigError) throw new CliError(e.message);
        throw e;
      }
      const server = await startServer(config, { demoIfNew: opts.demoIfNew === true });
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

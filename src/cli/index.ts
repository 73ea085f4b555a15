// The `gongkai` command line. Each subcommand lives in its own file; this one only
// assembles them and turns expected failures into a Chinese message and exit code.
import { Command, CommanderError } from 'commander';
import { registerAdmin } from './admin.js';
import { registerCalendar } from './calendar.js';
import { registerCheck } from './check.js';
import { registerDemo } from './demo.js';
import { registerMigrate } from './migrate.js';
import { registerRender } from './render.js';
import { registerServe } from './serve.js';
import { registerRequest } from './request.js';
import { registerFee } from './fee.js';
import { registerCatalogue } from '../publications/import/catalogue-cli.js';
import { registerFigures } from '../publications/table-two/figures-cli.js';
import { registerAudit } from './audit.js';
import { registerBackup } from './backup.js';
import { registerReport } from './report.js';
import { useChineseHelp } from './chinese-help.js';
import { CliError } from './errors.js';
import { containUnhandledRejections } from './process-guards.js';

containUnhandledRejections();

const program = new Command();
program.name('gongkai').description('公开 Gongkai：政府信息公开工作平台').exitOverride();
useChineseHelp(program);

registerServe(program);
registerMigrate(program);
registerCalendar(program);
registerCheck(program);
registerRender(program);
registerDemo(program);
registerAdmin(program);
registerRequest(program);
registerFee(program);
registerCatalogue(program);
registerFigures(program);
registerAudit(program);
registerBackup(program);
registerReport(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof CliError) {
    console.error(err.message);
    process.exitCode = err.exitCode;
  } else {
    console.error(`出错了：${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

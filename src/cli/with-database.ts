// What every database command does first: read the configuration, open the database, bring
// its schema up to date — and turn the expected failures (bad settings, a database that
// cannot be reached) into a Chinese message instead of a stack trace.
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DatabaseUrlError, openDatabase, type Db } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { CliError } from './errors.js';

export function cliConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new CliError(e.message);
    throw e;
  }
}

/** Errors of the database driver that mean "cannot reach or enter the database". */
const CONNECTION_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: '连接被拒绝，数据库服务可能没有启动',
  ENOTFOUND: '找不到数据库主机',
  ETIMEDOUT: '连接数据库超时',
  EHOSTUNREACH: '无法到达数据库主机',
  '28P01': '用户名或密码错误',
  '28000': '数据库拒绝了该用户的登录',
  '3D000': '数据库不存在',
  SQLITE_CANTOPEN: '无法打开数据库文件，请检查路径和权限',
};

export function connectionProblem(e: unknown): string | null {
  const seen = new Set<unknown>();
  let err: unknown = e;
  // Migration errors wrap the driver's error; look through the chain.
  while (err && typeof err === 'object' && !seen.has(err)) {
    seen.add(err);
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code in CONNECTION_CODES) return CONNECTION_CODES[code]!;
    err = (err as { cause?: unknown }).cause;
  }
  return null;
}

export async function withDatabase<T>(
  fn: (db: Db, config: Config) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = cliConfig();
  let db: Db;
  try {
    db = openDatabase(config.databaseUrl);
  } catch (e) {
    if (e instanceof DatabaseUrlError) throw new CliError(e.message);
    const problem = connectionProblem(e);
    if (problem) throw new CliError(`无法连接数据库：${problem}。请检查 DATABASE_URL。`);
    throw e;
  }
  try {
    if (options.migrate !== false) await migrateToLatest(db);
    return await fn(db, config);
  } catch (e) {
    const problem = connectionProblem(e);
    if (problem)
      throw new CliError(`无法连接数据库（${db.describe}）：${problem}。请检查 DATABASE_URL。`);
    throw e;
  } finally {
    await db.close();
  }
}

// `gongkai admin …`: setting up a real deployment without demo data.
//   gongkai admin create-admin --agency-slug lingshanwei --username zhang.san --display-name 张三
//     (creates the agency too when --agency-name, --agency-code and --agency-level are given)
//   gongkai admin reset-password --username zhang.san
// Passwords are read from the terminal or standard input, never from the command line.
import type { Command } from 'commander';
import type { z } from 'zod';
import { getAgencyBySlug } from '../agencies/agency-repository.js';
import { AGENCY_UNIQUE, insertAgency } from '../agencies/agency-service.js';
import {
  AGENCY_KINDS,
  AGENCY_LEVEL_LABELS,
  AGENCY_LEVELS,
  agencyInputSchema,
  type Agency,
} from '../agencies/agency.js';
import { displayNameSchema, usernameSchema } from '../auth/account.js';
import { getAccountForSignIn, usernameTaken } from '../auth/account-repository.js';
import {
  ACCOUNT_UNIQUE,
  hashNewPassword,
  insertAccount,
  resetPassword,
} from '../auth/account-service.js';
import { systemActor } from '../commands/actor.js';
import { runCommand, type CommandContext } from '../commands/command.js';
import { ok, type Result } from '../commands/result.js';
import { systemClock } from '../db/time.js';
import type { FieldErrors } from '../web/forms.js';
import { CliError } from './errors.js';
import { readNewPassword } from './read-password.js';
import { withDatabase } from './with-database.js';

const ACTOR = systemActor('命令行（gongkai admin）');

interface CreateAdminOptions {
  agencySlug: string;
  username: string;
  displayName: string;
  agencyName?: string;
  agencyShortName?: string;
  agencyCode?: string;
  agencyLevel?: string;
  agencyKind?: string;
  parentSlug?: string;
}

function firstError(errors: FieldErrors): string {
  return Object.values(errors).find((m) => m) ?? '输入有误';
}

/** The option that supplied each field of the agency, to name it in an error. */
const AGENCY_OPTION: Readonly<Record<string, string>> = {
  parentId: '--parent-slug',
  fullName: '--agency-name',
  shortName: '--agency-short-name',
  slug: '--agency-slug',
  code: '--agency-code',
  level: '--agency-level',
  kind: '--agency-kind',
};

/** Validates an option with the form's own schema, so the command refuses what the form refuses. */
function option<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new CliError(`${name}：${r.error.issues[0]?.message ?? '无效'}`);
  return r.data;
}

export function registerAdmin(program: Command): void {
  const admin = program.command('admin').description('系统管理：创建首个系统管理员、重置密码');

  admin
    .command('create-admin')
    .description(
      '创建系统管理员账号（机关不存在时，同时提供 --agency-name 等选项即一并创建机关）；密码从终端或标准输入读取',
    )
    .requiredOption('--agency-slug <标识>', '机关的网址标识，如 lingshanwei')
    .requiredOption('--username <用户名>', '登录用户名，如 zhang.san')
    .requiredOption('--display-name <姓名>', '显示的姓名，如 张三')
    .option('--agency-name <全称>', '新建机关时：机关全称，如 灵山卫街道办事处')
    .option('--agency-short-name <简称>', '新建机关时：机关简称（默认同全称）')
    .option('--agency-code <代码>', '新建机关时：统一社会信用代码或组织机构代码')
    .option(
      '--agency-level <层级>',
      `新建机关时：层级，可选 ${AGENCY_LEVELS.map((l) => `${l}（${AGENCY_LEVEL_LABELS[l]}）`).join('、')}`,
    )
    .option(
      '--agency-kind <类别>',
      `新建机关时：类别，可选 ${AGENCY_KINDS.join('、')}（默认 government）`,
    )
    .option('--parent-slug <标识>', '新建机关时：上级机关的网址标识')
    .action(async (opts: CreateAdminOptions) => {
      const username = option('--username', usernameSchema, opts.username);
      const displayName = option('--display-name', displayNameSchema, opts.displayName);
      // Checked before the slugs are looked up, as in the form.
      const slugSchema = agencyInputSchema.shape.slug;
      const agencySlug = option('--agency-slug', slugSchema, opts.agencySlug);
      const parentSlug =
        opts.parentSlug === undefined
          ? undefined
          : option('--parent-slug', slugSchema, opts.parentSlug);

      await withDatabase(async (db) => {
        const deps = { db, clock: systemClock };
        // Asked before the password is; the unique constraint still decides, in the command below.
        if (await usernameTaken(db.kysely, username))
          throw new CliError(`用户名 ${username} 已被使用，未做任何修改。`);
        const found = await getAgencyBySlug(db.kysely, agencySlug);
        if (found && opts.agencyName && opts.agencyName.trim() !== found.fullName) {
          throw new CliError(
            `网址标识 ${agencySlug} 已属于「${found.fullName}」，与 --agency-name 不符，未做任何修改。`,
          );
        }
        // The agency the administrator belongs to: the one found, or one the command creates.
        let agencyOf: (ctx: CommandContext) => Promise<Result<Agency>>;
        if (found) {
          agencyOf = async () => ok(found);
        } else {
          if (!opts.agencyName || !opts.agencyCode || !opts.agencyLevel) {
            throw new CliError(
              `没有网址标识为 ${agencySlug} 的机关。如需一并创建机关，请同时提供 --agency-name、--agency-code 和 --agency-level。`,
            );
          }
          let parentId = '';
          if (parentSlug) {
            const parent = await getAgencyBySlug(db.kysely, parentSlug);
            if (!parent) throw new CliError(`没有网址标识为 ${parentSlug} 的上级机关。`);
            parentId = parent.id;
          }
          const parsed = agencyInputSchema.safeParse({
            parentId,
            fullName: opts.agencyName,
            shortName: opts.agencyShortName ?? opts.agencyName,
            slug: agencySlug,
            code: opts.agencyCode,
            level: opts.agencyLevel,
            kind: opts.agencyKind ?? 'government',
            officeName: '',
            officeAddress: '',
            officeHours: '',
            officePhone: '',
            officeFax: '',
            officeEmail: '',
            officeWebsite: '',
          });
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const field = String(issue?.path[0] ?? '');
            throw new CliError(
              `${AGENCY_OPTION[field] ?? '机关信息'}：${issue?.message ?? '有误'}，未做任何修改。`,
            );
          }
          const input = parsed.data;
          agencyOf = (ctx: CommandContext) => insertAgency(ctx, input);
        }

        const password = await readNewPassword();
        const hashed = await hashNewPassword(deps, password, username);
        if (!hashed.ok) throw new CliError(`${firstError(hashed.errors)}，未做任何修改。`);

        // The agency and its administrator are one change: both are created, or neither.
        const result = await runCommand(
          deps,
          ACTOR,
          async (ctx) => {
            const created = await agencyOf(ctx);
            if (!created.ok) return created;
            const account = await insertAccount(ctx, {
              agencyId: created.value.id,
              username,
              displayName,
              roles: ['admin'],
              passwordHash: hashed.value,
            });
            return account.ok ? ok({ agency: created.value, account: account.value }) : account;
          },
          {
            unique: {
              keys: [...AGENCY_UNIQUE.keys, ...ACCOUNT_UNIQUE.keys],
              taken: { ...AGENCY_UNIQUE.taken, ...ACCOUNT_UNIQUE.taken },
            },
          },
        );
        if (!result.ok) throw new CliError(`${firstError(result.errors)}，未做任何修改。`);
        const { agency: saved, account } = result.value;
        console.log(
          `${found ? '' : `已创建机关「${saved.fullName}」（${saved.slug}），`}已为「${saved.fullName}」创建系统管理员 ${account.username}（${account.displayName}）。`,
        );
      });
    });

  admin
    .command('reset-password')
    .description('重置账号密码（该账号的登录会话随之失效）；新密码从终端或标准输入读取')
    .requiredOption('--username <用户名>', '要重置密码的账号')
    .action(async (opts: { username: string }) => {
      const username = option('--username', usernameSchema, opts.username);
      await withDatabase(async (db) => {
        const account = await getAccountForSignIn(db.kysely, username);
        if (!account) throw new CliError(`没有用户名为 ${username} 的账号。`);
        const password = await readNewPassword();
        const result = await resetPassword({ db, clock: systemClock }, account.id, password, ACTOR);
        if (!result.ok) throw new CliError(`${firstError(result.errors)}，未做任何修改。`);
        console.log(`已重置 ${account.username} 的密码。`);
      });
    });
}

// Configuration is read from the environment once, validated, and passed down explicitly.
// Nothing else in the code reads process.env.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './auth/client-address.js';

export interface Config {
  port: number;
  host: string;
  /** `sqlite:PATH` or `postgres://…` */
  databaseUrl: string;
  /** Secret for signing cookies; generated per process when not configured (sessions still live in the database). */
  sessionSecret: string;
  /** Whether cookies carry the Secure flag (set when served over HTTPS). */
  secureCookies: boolean;
  /** Idle lifetime of a staff session, in minutes. */
  sessionIdleMinutes: number;
  /** Public base URL used in canonical links and page tags; never another host. */
  publicUrl: string | undefined;
  /** Folder of the local file store (uploads, generated documents); never served as is. */
  fileStoreDir: string;
  nodeEnv: string;
  /** `smtp://user:pass@host:587` or `smtps://…`; absent: letters are not sent by e-mail. */
  smtpUrl?: string | undefined;
  /** The sender of letters sent by e-mail, e.g. `灵山卫街道 <xxgk@example.gov.cn>`. */
  mailFrom?: string | undefined;
  /** Folder the audit chain heads are written to every hour (kept off the database server). */
  auditHeadsDir?: string | undefined;
  /** Applications accepted per client address in 15 minutes (form and API); default 30. */
  applicationRateLimit?: number | undefined;
  /**
   * Whether the report check may fetch addresses on private, loopback and link-local
   * networks (an intranet portal); off unless the administrator sets REPORT_FETCH_ALLOW_PRIVATE.
   */
  reportFetchAllowPrivate?: boolean;
  /** The reverse proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES); none by default. */
  trustedProxies?: TrustedProxies | undefined;
  /** Years a closed request case's applicant data is kept (PERSONAL_DATA_RETENTION_YEARS). */
  personalDataRetentionYears?: number | undefined;
}

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'PORT 必须是 1–65535 之间的整数')
    .optional(),
  HOST: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET 至少需要 32 个字符').optional(),
  SECURE_COOKIES: z.enum(['true', 'false', '1', '0']).optional(),
  SESSION_IDLE_MINUTES: z.string().regex(/^\d+$/, 'SESSION_IDLE_MINUTES 必须是正整数').optional(),
  PUBLIC_URL: z.url('PUBLIC_URL 必须是完整网址，例如 https://xxgk.example.gov.cn').optional(),
  FILE_STORE_DIR: z
    .string()
    .min(
      1,
      'FILE_STORE_DIR 不能为空：请填写存放上传文件的目录，或删去这一设置（默认为 data/files）',
    )
    .optional(),
  NODE_ENV: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'SMTP_URL 必须以 smtp:// 或 smtps:// 开头，例如 smtp://用户名:密码@smtp.example.gov.cn:587',
    )
    .optional(),
  MAIL_FROM: z.string().min(3, 'MAIL_FROM 应为发件地址，例如 xxgk@example.gov.cn').optional(),
  APPLICATION_RATE_LIMIT: z
    .string()
    .regex(
      /^[1-9]\d{0,6}$/,
      'APPLICATION_RATE_LIMIT 必须是正整数（同一地址 15 分钟内可提交的申请数）',
    )
    .optional(),
  AUDIT_HEADS_DIR: z
    .string()
    .min(1, 'AUDIT_HEADS_DIR 不能为空：请填写保存审计链头的目录，或删去这一设置')
    .optional(),
  REPORT_FETCH_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0'], 'REPORT_FETCH_ALLOW_PRIVATE 只能是 true 或 false')
    .optional(),
  TRUSTED_PROXIES: z.string().optional(),
  PERSONAL_DATA_RETENTION_YEARS: z
    .string()
    .regex(
      /^[1-9]\d?$/,
      'PERSONAL_DATA_RETENTION_YEARS 必须是 1–99 之间的整数（办结后保存申请人个人信息的年数）',
    )
    .optional(),
});

export class ConfigError extends Error {}

export const DEFAULT_SQLITE_URL = 'sqlite:data/gongkai.db';
export const DEFAULT_FILE_STORE_DIR = 'data/files';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`配置有误：\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const port = e.PORT === undefined ? 3000 : Number(e.PORT);
  if (port < 1 || port > 65535)
    throw new ConfigError('配置有误：\nPORT: PORT 必须是 1–65535 之间的整数');
  const idle = e.SESSION_IDLE_MINUTES === undefined ? 120 : Number(e.SESSION_IDLE_MINUTES);
  if (idle < 1) throw new ConfigError('配置有误：\nSESSION_IDLE_MINUTES: 必须是正整数');
  if (e.SMTP_URL && !e.MAIL_FROM)
    throw new ConfigError(
      '配置有误：\nMAIL_FROM: 设置了 SMTP_URL 时必须同时设置发件地址 MAIL_FROM',
    );
  const proxies =
    e.TRUSTED_PROXIES === undefined ? undefined : parseTrustedProxies(e.TRUSTED_PROXIES);
  if (proxies && !proxies.ok)
    throw new ConfigError(
      `配置有误：\nTRUSTED_PROXIES: 无法识别 ${proxies.invalid.join('、')}；请填写反向代理的 IP 地址或网段，用逗号分隔，例如 10.0.0.0/8,127.0.0.1`,
    );
  return {
    port,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL ?? DEFAULT_SQLITE_URL,
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    secureCookies: e.SECURE_COOKIES === 'true' || e.SECURE_COOKIES === '1',
    sessionIdleMinutes: idle,
    publicUrl: e.PUBLIC_URL,
    fileStoreDir: e.FILE_STORE_DIR ?? DEFAULT_FILE_STORE_DIR,
    nodeEnv: e.NODE_ENV ?? 'development',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    auditHeadsDir: e.AUDIT_HEADS_DIR,
    applicationRateLimit:
      e.APPLICATION_RATE_LIMIT === undefined ? undefined : Number(e.APPLICATION_RATE_LIMIT),
    reportFetchAllowPrivate:
      e.REPORT_FETCH_ALLOW_PRIVATE === 'true' || e.REPORT_FETCH_ALLOW_PRIVATE === '1',
    trustedProxies: proxies?.value,
    personalDataRetentionYears:
      e.PERSONAL_DATA_RETENTION_YEARS === undefined
        ? undefined
        : Number(e.PERSONAL_DATA_RETENTION_YEARS),
  };
}

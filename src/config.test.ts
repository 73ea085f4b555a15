import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, DEFAULT_SQLITE_URL, loadConfig } from './config.js';

test('defaults: port 3000 and the embedded SQLite database', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, DEFAULT_SQLITE_URL);
  assert.equal(c.secureCookies, false);
  assert.ok(c.sessionSecret.length >= 32);
  assert.equal(c.fileStoreDir, 'data/files');
});

test('FILE_STORE_DIR names the file store folder', () => {
  assert.equal(
    loadConfig({ FILE_STORE_DIR: '/srv/gongkai/files' }).fileStoreDir,
    '/srv/gongkai/files',
  );
});

test('reads PORT, DATABASE_URL and SECURE_COOKIES', () => {
  const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', SECURE_COOKIES: 'true' });
  assert.equal(c.port, 8080);
  assert.equal(c.databaseUrl, 'postgres://u@h/db');
  assert.equal(c.secureCookies, true);
});

for (const [env, field] of [
  [{ PORT: 'abc' }, 'PORT'],
  [{ PORT: '70000' }, 'PORT'],
  [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
  [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
  [{ FILE_STORE_DIR: '' }, 'FILE_STORE_DIR'],
  [{ SMTP_URL: 'mail.example.gov.cn' }, 'SMTP_URL'],
  [{ SMTP_URL: 'smtp://mail.example.gov.cn' }, 'MAIL_FROM'],
] as const) {
  test(`rejects a bad ${field} with a Chinese message naming it`, () => {
    assert.throws(
      () => loadConfig(env),
      (e: unknown) =>
        e instanceof ConfigError && e.message.includes(field) && /配置有误/.test(e.message),
    );
  });
}

test('SMTP_URL and MAIL_FROM turn e-mail delivery on; without them it is off', () => {
  const off = loadConfig({});
  assert.equal(off.smtpUrl, undefined);
  const on = loadConfig({
    SMTP_URL: 'smtps://u:p@mail.example.gov.cn:465',
    MAIL_FROM: 'xxgk@example.gov.cn',
  });
  assert.equal(on.smtpUrl, 'smtps://u:p@mail.example.gov.cn:465');
  assert.equal(on.mailFrom, 'xxgk@example.gov.cn');
});

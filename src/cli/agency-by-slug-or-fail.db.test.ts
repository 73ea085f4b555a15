// The agency a command names by slug: found as typed by staff (spaces, capitals), and an
// unknown slug stops the command with the Chinese message it prints (exit code 2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyInput } from '../../test/support/agencies.js';
import { createTestDb, testDialect } from '../../test/support/db.js';
import { createAgency } from '../agencies/agency-service.js';
import { fixedClock } from '../db/time.js';
import { agencyBySlugOrFail } from './agency-by-slug-or-fail.js';
import { CliError } from './errors.js';

test(`an agency by its slug, or the message that there is none (${testDialect})`, async () => {
  const db = await createTestDb();
  try {
    const deps = { db, clock: fixedClock('2024-01-01T00:00:00.000Z') };
    const made = await createAgency(deps, agencyInput({ slug: 'lingshanwei' }), {
      id: null,
      label: '测试',
    });
    assert.ok(made.ok, JSON.stringify(made));
    assert.equal((await agencyBySlugOrFail(db.kysely, 'lingshanwei')).id, made.value.id);
    assert.equal((await agencyBySlugOrFail(db.kysely, ' LingShanWei ')).id, made.value.id);
    await assert.rejects(
      agencyBySlugOrFail(db.kysely, 'nowhere'),
      (e: unknown) =>
        e instanceof CliError &&
        e.message === '没有网址标识为 nowhere 的机关。' &&
        e.exitCode === 2,
    );
  } finally {
    await db.destroy();
  }
});

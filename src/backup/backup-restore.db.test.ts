// A backup taken while applications and files keep arriving restores to exactly what the
// manifest says: the same rows per table, every file with its hash, audit chains verifying
// up to the heads of the snapshot. A target with data is refused without force.
// SQLite: the embedded snapshot. PostgreSQL: the documented pg_dump / pg_restore round trip
// (into a database of its own), then `restore` of the files and the check.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { systemActor } from '../commands/actor.js';
import { openDatabase, type Db } from '../db/database.js';
import { systemClock } from '../db/time.js';
import { seedDemo } from '../demo/seed-demo.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore } from '../files/file-store.js';
import { isoDateCst } from '../portal/dates.js';
import { applicationSchemaFor } from '../requests/application.js';
import { submitApplication } from '../requests/commands.js';
import { TEST_PASSWORD_PARAMS } from '../../test/support/app.js';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { PERSON } from '../../test/support/requests.js';
import { backup, openSnapshot } from './backup.js';
import { restore, RestoreRefused, sqliteTargetHasData, type RestoreTarget } from './restore.js';

let db: TestDb;
let work: string;
let agencyId: string;

before(async () => {
  db = await createTestDb();
  const demo = await seedDemo({ db, clock: systemClock, passwordParams: TEST_PASSWORD_PARAMS });
  agencyId = demo.agency.id;
  work = mkdtempSync(join(tmpdir(), 'gongkai-backup-test-'));
});
after(async () => {
  await db.destroy();
  rmSync(work, { recursive: true, force: true });
});

/** Applications and files arriving until `stop.now`. */
async function writeLoad(stop: { now: boolean }, filesDir: string): Promise<number> {
  const files = createFileStore({ db, clock: systemClock, blobs: localBlobStorage(filesDir) });
  const application = applicationSchemaFor(isoDateCst(new Date())).parse(PERSON);
  let writes = 0;
  while (!stop.now) {
    const r = await submitApplication(
      { db, clock: systemClock },
      {
        agencyId,
        application,
        channel: 'online',
        submittedOn: isoDateCst(new Date()),
        receivedOn: null,
        idempotencyKey: randomUUID(),
      },
      systemActor('测试'),
    );
    assert.ok(r.ok);
    await files.put(new TextEncoder().encode(`附件 ${randomBytes(8).toString('hex')}\n`), {
      filename: '说明.txt',
      createdBy: null,
    });
    writes++;
  }
  return writes;
}

async function count(d: Db, table: 'requests' | 'files'): Promise<number> {
  const r = await d.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

test('a backup under write load restores whole; a non-empty target needs force', async () => {
  const filesDir = join(work, 'files');
  const archive = join(work, 'backup.zip');
  const stop = { now: false };
  const loads = [writeLoad(stop, filesDir), writeLoad(stop, filesDir)];
  await new Promise((r) => setTimeout(r, 300));
  const taken = await backup(
    { db, databaseUrl: db.url, blobs: localBlobStorage(filesDir), now: new Date() },
    archive,
  );
  await new Promise((r) => setTimeout(r, 300));
  stop.now = true;
  const writes = (await Promise.all(loads)).reduce((a, b) => a + b, 0);
  assert.ok(writes > 4, `load made ${writes} writes`);
  assert.equal(taken.missingFiles.length, 0);
  const live = await count(db, 'requests');
  // The snapshot is a moment during the load: some writes before it, some after.
  assert.ok(taken.manifest.tables.requests! > 0);
  assert.ok(taken.manifest.tables.requests! < live, 'writes went on after the snapshot');
  assert.equal(taken.manifest.tables.files, taken.manifest.files.length);
  // A backup never overwrites an earlier one.
  await assert.rejects(
    backup(
      { db, databaseUrl: db.url, blobs: localBlobStorage(filesDir), now: new Date() },
      archive,
    ),
    /EEXIST/,
  );

  const restoredFiles = join(work, 'restored-files');
  const { target, cleanup } = await restoreTarget(restoredFiles, archive);
  try {
    const report = await restore(target, archive, { force: false, targetHasData: false });
    assert.deepEqual(report.problems, []);
    assert.equal(report.files, taken.manifest.files.length);
    const restored = target.open();
    try {
      if (target.dialect === 'sqlite') {
        assert.equal(await count(restored, 'requests'), taken.manifest.tables.requests);
        assert.equal(await count(restored, 'files'), taken.manifest.files.length);
      } else {
        // pg_dump ran after the load stopped: it holds the snapshot's rows and later ones.
        assert.equal(await count(restored, 'requests'), live);
      }
    } finally {
      await restored.close();
    }
    // Files are there now: a second restore must be forced.
    await assert.rejects(
      restore(target, archive, { force: false, targetHasData: false }),
      (e) => e instanceof RestoreRefused && /--force/.test(e.message),
    );
    if (target.dialect === 'sqlite') {
      assert.equal(sqliteTargetHasData(target.databaseUrl), true);
      await assert.rejects(
        restore(target, archive, { force: false, targetHasData: true }),
        (e) => e instanceof RestoreRefused && /已有数据/.test(e.message),
      );
    }
    const again = await restore(target, archive, { force: true, targetHasData: true });
    assert.deepEqual(again.problems, []);
  } finally {
    await cleanup();
  }
});

/** Where the backup goes back to: a new SQLite file, or a new PostgreSQL database via pg_restore. */
async function restoreTarget(
  fileStoreDir: string,
  archive: string,
): Promise<{ target: RestoreTarget; cleanup: () => Promise<void> }> {
  if (testDialect === 'sqlite') {
    const url = `sqlite:${join(work, 'restored.db')}`;
    return {
      target: {
        dialect: 'sqlite',
        databaseUrl: url,
        fileStoreDir,
        blobs: localBlobStorage(fileStoreDir),
        open: () => openSnapshot(url.slice('sqlite:'.length)),
      },
      cleanup: async () => {},
    };
  }
  // PostgreSQL: what docs/deployment.md tells an operator to do, into a fresh database.
  const source = new URL(db.url);
  const schema = /search_path=(\w+)/.exec(decodeURIComponent(source.search))?.[1] ?? 'public';
  source.search = '';
  const dump = `${archive}.pgdump`;
  const dumped = spawnSync(
    'pg_dump',
    ['--format=custom', `--schema=${schema}`, `--file=${dump}`, source.toString()],
    { encoding: 'utf8' },
  );
  assert.equal(dumped.status, 0, dumped.stderr);
  const name = `restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: source.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const targetUrl = new URL(source);
  targetUrl.pathname = `/${name}`;
  const restored = spawnSync(
    'pg_restore',
    ['--no-owner', `--dbname=${targetUrl.toString()}`, dump],
    { encoding: 'utf8' },
  );
  assert.equal(restored.status, 0, restored.stderr);
  targetUrl.searchParams.set('options', `-c search_path=${schema}`);
  return {
    target: {
      dialect: 'postgres',
      databaseUrl: targetUrl.toString(),
      fileStoreDir,
      blobs: localBlobStorage(fileStoreDir),
      open: () => openDatabase(targetUrl.toString()),
    },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: source.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

// A bounded load on loopback: 150 applicants and 150 catalogue readers at once (autocannon,
// each on its own kept-alive connection) against a real `gongkai serve` for 15 s, on SQLite
// or PostgreSQL. Every request answered as expected (0
// errors), no "database is locked" reaching anyone or the log, every submission stored.
// No timing assertion: latency percentiles are printed here and measured in `npm run bench`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { mixedLoad } from '../../bench/load.js';
import { systemClock } from '../../src/db/time.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { TEST_PASSWORD_PARAMS } from '../support/app.js';
import { createTestDb } from '../support/db.js';
import { PERSON } from '../support/requests.js';
import { startServe } from '../support/server-process.js';

const APPLICANTS = 150;
const READERS = 150;
const SECONDS = 15;

test(`${APPLICANTS + READERS} concurrent applicants and readers for ${SECONDS} s: 0 errors, every submission stored`, async () => {
  const db = await createTestDb();
  const files = mkdtempSync(join(tmpdir(), 'gongkai-load-'));
  await seedDemo({ db, clock: systemClock, passwordParams: TEST_PASSWORD_PARAMS });
  const before = await db.kysely.selectFrom('requests').select('id').execute();
  const server = await startServe({
    env: { ...db.env, FILE_STORE_DIR: files, APPLICATION_RATE_LIMIT: '1000000' },
  });
  try {
    const r = await mixedLoad({
      base: server.base,
      applicants: APPLICANTS,
      readers: READERS,
      seconds: SECONDS,
      application: PERSON,
    });
    console.log(
      `load: requests=${r.requests} submissions=${r.submissions} reads=${r.reads} errors=${r.errors} p50=${r.p50.toFixed(0)}ms p95=${r.p95.toFixed(0)}ms p99=${r.p99.toFixed(0)}ms`,
    );
    assert.equal(r.errors, 0, r.samples.join('\n'));
    assert.ok(r.submissions > 0 && r.reads > 0);
    const after = await db.kysely.selectFrom('requests').select('id').execute();
    // Every acknowledged submission is stored. Those still in flight when the time ran out
    // (at most one per applicant's connection) may be stored without their answer counted.
    const stored = after.length - before.length;
    assert.ok(
      stored >= r.submissions && stored <= r.submissions + APPLICANTS,
      `${stored} stored, ${r.submissions} acknowledged`,
    );
    assert.doesNotMatch(server.log(), /database is locked|SQLITE_BUSY/);
  } finally {
    await server.stop();
    await db.destroy();
    rmSync(files, { recursive: true, force: true });
  }
});

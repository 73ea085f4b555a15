// Behind a reverse proxy the per-address limits count each client, not the proxy; and a
// client talking to the server directly cannot buy itself new addresses with a forged
// X-Forwarded-For. Real `gongkai serve` processes on loopback, so the socket peer is real.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { systemClock } from '../../src/db/time.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { TEST_PASSWORD_PARAMS } from '../support/app.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { PERSON } from '../support/requests.js';
import { startServe } from '../support/server-process.js';

let db: TestDb;
let files: string;
before(async () => {
  db = await createTestDb();
  files = mkdtempSync(join(tmpdir(), 'gongkai-proxy-'));
  await seedDemo({ db, clock: systemClock, passwordParams: TEST_PASSWORD_PARAMS });
});
after(async () => {
  await db.destroy();
  rmSync(files, { recursive: true, force: true });
});

/** Submits one application per forwarded address, in turn; returns the statuses. */
async function submitAs(base: string, forwarded: readonly string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const xff of forwarded) {
    const res = await fetch(`${base}/api/v1/agencies/lingshanwei/requests`, {
      method: 'POST',
      body: JSON.stringify(PERSON),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

async function withServer(env: Record<string, string>, run: (base: string) => Promise<void>) {
  // A fresh window per server: the counters of the earlier run must not carry over.
  await db.kysely.deleteFrom('login_throttle').execute();
  const server = await startServe({
    env: { ...db.env, FILE_STORE_DIR: files, APPLICATION_RATE_LIMIT: '2', ...env },
  });
  try {
    await run(server.base);
  } finally {
    await server.stop();
  }
}

test('no TRUSTED_PROXIES: a forged X-Forwarded-For is ignored, the socket address counts', async () => {
  await withServer({}, async (base) => {
    assert.deepEqual(
      await submitAs(base, ['198.51.100.1', '198.51.100.2', '198.51.100.3']),
      [201, 201, 429],
    );
  });
});

test('a peer outside TRUSTED_PROXIES cannot forge addresses either', async () => {
  await withServer({ TRUSTED_PROXIES: '10.0.0.0/8' }, async (base) => {
    assert.deepEqual(
      await submitAs(base, ['198.51.100.1', '198.51.100.2', '198.51.100.3']),
      [201, 201, 429],
    );
  });
});

test('behind a trusted proxy each client has its own limit; the left-most hops are not read', async () => {
  await withServer({ TRUSTED_PROXIES: '127.0.0.1' }, async (base) => {
    // Three clients, one submission each: none limited by the others.
    assert.deepEqual(
      await submitAs(base, ['198.51.100.1', '198.51.100.2', '198.51.100.3']),
      [201, 201, 201],
    );
    // One client rotating a forged left-most hop: the proxy's appended hop still counts.
    assert.deepEqual(
      await submitAs(base, [
        '6.6.6.1, 198.51.100.9',
        '6.6.6.2, 198.51.100.9',
        '6.6.6.3, 198.51.100.9',
      ]),
      [201, 201, 429],
    );
  });
});

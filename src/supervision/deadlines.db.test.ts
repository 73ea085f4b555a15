// The dashboard's 逾期 comes from the same deadline the annual-report feature uses: the
// local schedule a parent sets for its townships and 街道, 1月31日 for a department — read
// against the date in China — and so does the LATE finding of a received report.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, testDialect, type TestDb } from '../../test/support/db.js';
import { agencyInput } from '../../test/support/agencies.js';
import { createAgency } from '../agencies/agency-service.js';
import type { Agency } from '../agencies/agency.js';
import { setTownshipSchedule } from '../annual-reports/annual-report-service.js';
import { systemActor } from '../commands/actor.js';
import { fixedClock } from '../db/time.js';
import { seedDemo, type DemoResult } from '../demo/seed-demo.js';
import { seedReport } from '../annual-reports/seed.js';
import { receiveReadBatch } from './commands.js';
import { findingsOf } from './repository.js';
import { loadDashboard } from './views.js';

const actor = systemActor('测试');
const clock = fixedClock('2022-01-20T02:00:00.000Z');
let db: TestDb;
let demo: DemoResult;
let bureau: Agency;

before(async () => {
  db = await createTestDb();
  demo = await seedDemo({ db, clock, passwordParams: { N: 2 ** 10, r: 8, p: 1 } });
  const created = await createAgency(
    { db, clock },
    agencyInput({
      slug: 'test-bureau',
      fullName: '测试区统计局',
      shortName: '区统计局',
      code: '11370211D000000348',
      level: 'county',
      kind: 'department',
      parentId: demo.parent.id,
    }),
    actor,
  );
  assert.ok(created.ok);
  bureau = created.value;
  // A 街道 that has sent nothing (the demo's own 街道 publishes its 2021 report here, so its
  // report reaches the dashboard by itself).
  const street = await createAgency(
    { db, clock },
    agencyInput({ slug: 'test-street', parentId: demo.parent.id }),
    actor,
  );
  assert.ok(street.ok);
  const schedule = await setTownshipSchedule({ db, clock }, demo.parent.id, '02-15', actor);
  assert.ok(schedule.ok);
});
after(() => db.destroy());

const statusOn = async (today: string) => {
  const d = await loadDashboard(db.kysely, demo.parent.id, 2021, today);
  return Object.fromEntries(d.rows.map((r) => [r.agency.slug, [r.status, r.dueOn]]));
};

test(`逾期 from each agency's own deadline, on the date in China (${testDialect})`, async () => {
  // 1 February in China: the department's 31 January has passed, the 街道's 15 February not.
  assert.deepEqual(await statusOn('2022-02-01'), {
    lingshanwei: ['clean', '2022-02-15'],
    'test-bureau': ['late', '2022-01-31'],
    'test-street': ['missing', '2022-02-15'],
  });
  assert.deepEqual(await statusOn('2022-01-31'), {
    lingshanwei: ['clean', '2022-02-15'],
    'test-bureau': ['missing', '2022-01-31'],
    'test-street': ['missing', '2022-02-15'],
  });
  assert.deepEqual((await statusOn('2022-02-16'))['test-street'], ['late', '2022-02-15']);

  // The schedule changed on its own page: the dashboard follows at once.
  assert.ok((await setTownshipSchedule({ db, clock }, demo.parent.id, '01-31', actor)).ok);
  assert.deepEqual((await statusOn('2022-02-01'))['test-street'], ['late', '2022-01-31']);
  assert.ok((await setTownshipSchedule({ db, clock }, demo.parent.id, '02-15', actor)).ok);
});

test(`a received report is LATE against its agency's deadline, not always 31 January (${testDialect})`, async () => {
  const seed = (await seedReport()).report;
  const dated = { ...seed, publishedOn: '2022-02-10' };
  const file = (agencyId: string, name: string) => ({
    name,
    bytes: new TextEncoder().encode(name),
    readAs: 'text',
    report: dated,
    parserFindings: [],
    agencyId,
  });
  const done = await receiveReadBatch({ db, clock }, actor, {
    ownerAgencyId: demo.parent.id,
    year: 2021,
    title: '测试批次',
    files: [file(demo.agency.id, '街道.txt'), file(bureau.id, '统计局.txt')],
  });
  assert.ok(done.ok);
  const d = await loadDashboard(db.kysely, demo.parent.id, 2021, '2022-02-20');
  const late = (slug: string) => {
    const row = d.rows.find((r) => r.agency.slug === slug)!;
    return {
      late: findingsOf(row.report!).findings.some((f) => f.code === 'LATE'),
      daysLate: row.reportDate?.daysLate,
    };
  };
  assert.deepEqual(late('lingshanwei'), { late: false, daysLate: 0 });
  assert.deepEqual(late('test-bureau'), { late: true, daysLate: 10 });
});

// The report check's summary CSV is kept in the database: the download link still works
// after a restart (a new app over the same database), and only for the account that ran it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'node-html-parser';
import { createApp } from '../../src/app.js';
import { renderReport } from '../../src/reports/render/index.js';
import { sampleReport } from '../../src/reports/render/test-support.js';
import { createTestApp, TestClient, type TestApp } from '../support/app.js';

let t: TestApp;

before(async () => {
  t = await createTestApp({ demo: true, now: '2022-01-25T02:00:00.000Z' });
});
after(() => t.close());

/** The same browser (same cookies) talking to another app instance. */
function sameBrowser(client: TestClient, app: ReturnType<typeof createApp>): TestClient {
  const moved = new TestClient(app);
  for (const [k, v] of client.cookies) moved.cookies.set(k, v);
  moved.csrfToken = client.csrfToken;
  return moved;
}

test('a check result can be downloaded after a restart, by its owner only', async () => {
  const supervisor = await t.signIn('hd-supervisor');
  const form = new FormData();
  form.append('files', new File([await renderReport(sampleReport(), 'json')], 'balanced.json'));
  form.append('_csrf', supervisor.csrfToken);
  const res = await supervisor.fetch('/console/reports/check', { method: 'POST', body: form });
  assert.equal(res.status, 200);
  const href =
    parse(await res.text())
      .querySelectorAll('a')
      .find((a) => a.textContent.trim() === '下载汇总表（CSV）')
      ?.getAttribute('href') ?? '';
  assert.match(href, /^\/console\/reports\/check\/[A-Za-z0-9_-]{22}\/summary\.csv$/);
  const before = await (await supervisor.get(href)).text();
  assert.match(before, /balanced\.json/);

  const restarted = createApp(t.deps);
  const again = await sameBrowser(supervisor, restarted).get(href);
  assert.equal(again.status, 200);
  assert.equal(await again.text(), before);

  const other = sameBrowser(await t.signIn('lsw-supervisor'), restarted);
  const refused = await other.get(href);
  assert.equal(refused.status, 404);
  assert.doesNotMatch(await refused.text(), /balanced\.json/);
});

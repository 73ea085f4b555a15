// An unhandled rejection is logged and the process goes on, instead of ending it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const guards = fileURLToPath(new URL('./process-guards.ts', import.meta.url));

function run(contain: boolean) {
  const script = `
    const { containUnhandledRejections } = await import(${JSON.stringify(guards)});
    if (${contain}) containUnhandledRejections((line) => console.log(line));
    Promise.reject(Object.assign(new Error('XRef entry damaged'), { name: 'XRefEntryException' }));
    setTimeout(() => console.log('still answering'), 50);
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
}

test('an unhandled rejection is logged by name and message, and the process carries on', () => {
  const r = run(true);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /未处理的异步错误（已记录，程序继续运行）：XRefEntryException: XRef entry damaged/u,
  );
  assert.match(r.stdout, /still answering/u);
});

test('without the guard the same rejection ends the process (what the guard prevents)', () => {
  const r = run(false);
  assert.notEqual(r.status, 0);
  assert.doesNotMatch(r.stdout, /still answering/u);
});

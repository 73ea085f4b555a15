import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Semaphore } from './semaphore.js';

/** A promise the test settles by hand. */
function gate(): { promise: Promise<void>; open(): void; fail(err: Error): void } {
  let open!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

test('never runs more tasks at once than its concurrency, and runs waiting ones in order', async () => {
  const s = new Semaphore(2, 10);
  const gates = Array.from({ length: 6 }, () => gate());
  const started: number[] = [];
  let running = 0;
  let most = 0;
  const all = gates.map((g, i) =>
    s.run(async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await g.promise;
      running--;
      return i * 10;
    }),
  );
  await tick();
  assert.deepEqual(started, [0, 1]);
  assert.equal(s.active, 2);
  assert.equal(s.queued, 4);
  gates[1]?.open();
  await tick();
  assert.deepEqual(started, [0, 1, 2], 'the freed slot goes to the first in the queue');
  for (const g of gates) g.open();
  const results = await Promise.all(all);
  assert.deepEqual(
    results,
    [0, 10, 20, 30, 40, 50].map((value) => ({ ok: true, value })),
  );
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5]);
  assert.equal(most, 2);
  assert.equal(s.active, 0);
  assert.equal(s.queued, 0);
});

test('refuses at once, without running the task, when the queue is full', async () => {
  const s = new Semaphore(1, 2);
  const hold = gate();
  let ran = 0;
  const task = async () => {
    ran++;
    await hold.promise;
  };
  const accepted = [s.run(task), s.run(task), s.run(task)];
  await tick();
  assert.equal(ran, 1);
  assert.equal(s.queued, 2);
  assert.deepEqual(await s.run(task), { ok: false });
  assert.equal(ran, 1, 'the refused task never ran');
  hold.open();
  assert.ok((await Promise.all(accepted)).every((r) => r.ok));
  assert.equal(ran, 3);
  // Once the queue has drained, tasks are accepted again.
  assert.deepEqual(await s.run(async () => 'again'), { ok: true, value: 'again' });
});

test('with no queue, a second task is refused while the first runs', async () => {
  const s = new Semaphore(1, 0);
  const hold = gate();
  const first = s.run(() => hold.promise);
  assert.deepEqual(await s.run(async () => 1), { ok: false });
  hold.open();
  assert.deepEqual(await first, { ok: true, value: undefined });
  assert.deepEqual(await s.run(async () => 1), { ok: true, value: 1 });
});

test('a task that fails passes its error on and frees its slot', async () => {
  const s = new Semaphore(1, 1);
  const hold = gate();
  const failing = s.run(() => hold.promise);
  const waiting = s.run(async () => 'next');
  hold.fail(new Error('scrypt failed'));
  await assert.rejects(failing, /scrypt failed/);
  assert.deepEqual(await waiting, { ok: true, value: 'next' });
  assert.equal(s.active, 0);
});

test('rejects impossible sizes', () => {
  assert.throws(() => new Semaphore(0, 1), RangeError);
  assert.throws(() => new Semaphore(1.5, 1), RangeError);
  assert.throws(() => new Semaphore(1, -1), RangeError);
});

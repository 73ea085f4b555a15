// The listener's change mark: vouched for only while a heartbeat sent within the bound has
// come back; a change or a new connection always gives a mark never seen before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChangeMark } from './change-mark.js';

test('no mark before a connection and its first answered heartbeat', () => {
  const m = new ChangeMark(1000);
  assert.equal(m.current(0), null);
  m.connected();
  assert.equal(m.current(10), null, 'connected, but nothing heard yet');
  m.heard(20);
  assert.equal(typeof m.current(25), 'string');
});

test('vouched for until the bound after the last answered heartbeat was sent', () => {
  const m = new ChangeMark(1000);
  m.connected();
  m.heard(100);
  assert.notEqual(m.current(1099), null);
  assert.equal(m.current(1100), null, 'a change committed at 100 might not be in it');
  m.heard(900);
  assert.notEqual(m.current(1899), null);
  // An answer to an older heartbeat arriving late does not move the window back.
  m.heard(500);
  assert.notEqual(m.current(1899), null);
  assert.equal(m.current(1900), null);
});

test('every change moves the mark', () => {
  const m = new ChangeMark(1000);
  m.connected();
  m.heard(0);
  const seen = new Set([m.current(1)]);
  for (let i = 0; i < 5; i++) {
    m.changed();
    seen.add(m.current(1));
  }
  assert.equal(seen.size, 6);
});

test('a lost connection stops the mark, and the next one never repeats an earlier mark', () => {
  const m = new ChangeMark(1000);
  m.connected();
  m.heard(0);
  const before = m.current(1);
  m.lost();
  assert.equal(m.current(2), null);
  m.heard(3); // an answer from the old connection vouches for nothing
  assert.equal(m.current(4), null);
  m.connected();
  m.heard(5);
  const after = m.current(6);
  assert.ok(after !== null && after !== before, 'notices may have been missed meanwhile');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accessCodeMatches,
  hashAccessCode,
  newAccessCode,
  newTrackingNumber,
  normalizeTrackingNumber,
  sealAccessCode,
  unsealAccessCode,
} from './tracking.js';

test('tracking numbers are random, in one readable format, and normalise from what people type', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const n = newTrackingNumber();
    assert.match(n, /^GK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    seen.add(n);
  }
  assert.equal(seen.size, 200);
  assert.equal(normalizeTrackingNumber(' gk 7q3m 8xkd 2p '), 'GK-7Q3M-8XKD-2P');
  assert.equal(normalizeTrackingNumber('7Q3M8XKD2P'), 'GK-7Q3M-8XKD-2P');
  // Letters that look alike are read as the digits they resemble.
  assert.equal(normalizeTrackingNumber('GK-OQ3M-8XKD-2I'), 'GK-0Q3M-8XKD-21');
  assert.equal(normalizeTrackingNumber('GK-123'), null);
  assert.equal(normalizeTrackingNumber("GK-' OR 1=1"), null);
});

test('an access code matches its hash only, whatever the case and spacing typed', () => {
  const code = newAccessCode();
  assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const hash = hashAccessCode(code);
  assert.notEqual(hash, code);
  assert.equal(accessCodeMatches(hash, code.toLowerCase().replace(/-/g, ' ')), true);
  assert.equal(accessCodeMatches(hash, newAccessCode()), false);
  // An unknown case (no hash) never matches, even the dummy's own input.
  assert.equal(accessCodeMatches(null, code), false);
  assert.equal(accessCodeMatches(null, ''), false);
});

test('a sealed code opens only with the idempotency key it was sealed with', () => {
  const sealed = sealAccessCode('ABCD-EFGH-JKMN', 'key-1');
  assert.equal(unsealAccessCode(sealed, 'key-1'), 'ABCD-EFGH-JKMN');
  assert.equal(unsealAccessCode(sealed, 'key-2'), null);
  assert.equal(unsealAccessCode('garbage', 'key-1'), null);
});

// Which address a request counts against: forged X-Forwarded-For from an untrusted peer is
// ignored, a trusted proxy's right-most untrusted hop is the client, bad settings are named.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrustedProxies, resolveClientAddress } from './client-address.js';
import { loadConfig, ConfigError } from '../config.js';

function proxies(text: string) {
  const r = parseTrustedProxies(text);
  assert.ok(r.ok);
  return r.value;
}

test('without TRUSTED_PROXIES the header is never read', () => {
  assert.equal(resolveClientAddress('203.0.113.7', '198.51.100.1', undefined), '203.0.113.7');
});

test('a forged header from a peer that is not a trusted proxy is ignored', () => {
  const t = proxies('10.0.0.0/8');
  assert.equal(resolveClientAddress('203.0.113.7', '1.2.3.4, 10.0.0.5', t), '203.0.113.7');
});

test('behind a trusted proxy the right-most untrusted hop is the client', () => {
  const t = proxies('10.0.0.0/8, 127.0.0.1');
  // The client wrote "6.6.6.6"; the proxy appended the address it saw.
  assert.equal(resolveClientAddress('127.0.0.1', '6.6.6.6, 198.51.100.9', t), '198.51.100.9');
  // Two proxies in a row: skip both.
  assert.equal(
    resolveClientAddress('::ffff:10.0.0.2', '6.6.6.6, 198.51.100.9, 10.1.2.3', t),
    '198.51.100.9',
  );
  // A trusted peer that sent no header is itself the client.
  assert.equal(resolveClientAddress('10.0.0.2', undefined, t), '10.0.0.2');
});

test('a hop that is not an address stops the walk at the last trusted hop', () => {
  const t = proxies('10.0.0.0/8');
  assert.equal(resolveClientAddress('10.0.0.2', '198.51.100.9, garbage', t), '10.0.0.2');
  assert.equal(resolveClientAddress('10.0.0.2', 'garbage, 10.0.0.3', t), '10.0.0.3');
});

test('IPv6 ranges and addresses', () => {
  const t = proxies('fd00::/8');
  assert.equal(resolveClientAddress('fd00::1', '2001:db8::5', t), '2001:db8::5');
  assert.equal(resolveClientAddress('2001:db8::9', '2001:db8::5', t), '2001:db8::9');
});

test('unreadable entries are named in a Chinese configuration error', () => {
  assert.deepEqual(parseTrustedProxies('10.0.0.0/33, proxy.local, 127.0.0.1'), {
    ok: false,
    invalid: ['10.0.0.0/33', 'proxy.local'],
  });
  assert.throws(
    () => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8,abc' }),
    (e: unknown) => e instanceof ConfigError && /TRUSTED_PROXIES: 无法识别 abc/.test(e.message),
  );
  assert.ok(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8' }).trustedProxies?.has('10.9.9.9'));
});

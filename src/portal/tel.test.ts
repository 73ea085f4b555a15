import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phoneLinks, telHref } from './tel.js';

test('a registered phone number becomes a dialable tel: link', () => {
  assert.equal(telHref('0532-83185761'), 'tel:053283185761');
  assert.equal(telHref('（0532）8318 5761'), 'tel:053283185761');
  assert.equal(telHref('+86 532 83185761'), 'tel:+8653283185761');
  assert.equal(telHref('0532-83185761转8001'), 'tel:053283185761,8001');
  assert.equal(telHref('12'), null);
});

test('several numbers in one field are several links', () => {
  assert.deepEqual(phoneLinks('0532-83185761、0532-83185762'), [
    { text: '0532-83185761', href: 'tel:053283185761' },
    { text: '0532-83185762', href: 'tel:053283185762' },
  ]);
});

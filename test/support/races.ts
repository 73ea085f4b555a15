// Simultaneous form posts that only one may win (a unique name): exactly one is accepted
// (303) and every other gets the same Chinese error on `field` as a post made after the
// race, never a 500. Returns that message for the caller to check.
import assert from 'node:assert/strict';
import { parse } from 'node-html-parser';

export async function fieldError(res: Response, name: string): Promise<string> {
  const root = parse(await res.text());
  return (root.querySelector(`#field-${name}-error`)?.textContent ?? '').replace('错误：', '');
}

export async function oneWinnerRace(
  post: (i: number) => Promise<Response>,
  field: string,
  racers: number,
): Promise<string> {
  const responses = await Promise.all(Array.from({ length: racers }, (_, i) => post(i)));
  const statuses = responses.map((r) => r.status);
  assert.deepEqual(
    statuses.filter((s) => s === 303),
    [303],
    `one accepted: ${statuses.join(',')}`,
  );
  assert.equal(statuses.filter((s) => s === 400).length, racers - 1, statuses.join(','));
  const losers = await Promise.all(
    responses.filter((r) => r.status === 400).map((r) => fieldError(r, field)),
  );
  const sequential = await fieldError(await post(racers), field);
  for (const message of losers) assert.equal(message, sequential);
  return sequential;
}

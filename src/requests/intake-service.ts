// What the public form, the staff form and the API share between reading the input and
// the submit command: the proof upload rules, the file store, and the tracking check with
// its per-address throttle. Routes call these; none of it renders.
import type { Context } from 'hono';
import { clientAddress } from '../auth/client-address.js';
import { addressKey, recordFailure, releaseAttempt, reserveAttempt } from '../auth/throttle.js';
import { localBlobStorage } from '../files/blob-storage.js';
import { createFileStore, type FileStore } from '../files/file-store.js';
import type { FileLimits } from '../files/upload-check.js';
import type { AppDeps, AppEnv } from '../web/env.js';
import { PROOF_MAX_MB } from './pages/application-form.js';
import { findByTrackingNumber } from './repository.js';
import type { RequestCase } from './request.js';
import { accessCodeMatches, normalizeTrackingNumber } from './tracking.js';

export const PROOF_LIMITS: FileLimits = {
  maxBytes: PROOF_MAX_MB * 1024 * 1024,
  accept: ['pdf', 'jpeg', 'png'],
};

const stores = new WeakMap<AppDeps, FileStore>();

/** The file store of the app's configured folder (one per app). */
export function fileStoreOf(deps: AppDeps): FileStore {
  let store = stores.get(deps);
  if (!store) {
    store = createFileStore({
      db: deps.db,
      clock: deps.clock,
      blobs: localBlobStorage(deps.config.fileStoreDir),
    });
    stores.set(deps, store);
  }
  return store;
}

/** Wrong codes allowed per address in the throttle's window before it locks. */
export const TRACK_LIMIT = 10;

export const NOT_FOUND_MESSAGE = '未找到与该查询号和查询码相符的申请，请核对后重新输入。';
export const TOO_MANY_MESSAGE = '查询码输错次数过多，请 15 分钟后再试。';

export type TrackResult =
  { ok: true; case: RequestCase } | { ok: false; reason: 'not_found' | 'throttled' };

/**
 * The case of a tracking number and access code. A wrong code and an unknown number take
 * the same path (one lookup, one constant-time comparison against a real or dummy hash, one
 * failure counted) and get the same answer.
 */
export async function trackCase(
  c: Context<AppEnv>,
  trackingNumber: string,
  accessCode: string,
): Promise<TrackResult> {
  const { db, clock } = c.get('deps');
  const now = clock.now();
  const keys = [addressKey('track', clientAddress(c), TRACK_LIMIT)];
  const reserved = await reserveAttempt(db.kysely, keys, now);
  if (!reserved.ok) return { ok: false, reason: 'throttled' };
  const found = await findByTrackingNumber(
    db.kysely,
    normalizeTrackingNumber(trackingNumber) ?? '',
  );
  if (!accessCodeMatches(found?.accessCodeHash ?? null, accessCode) || !found) {
    await recordFailure(db.kysely, reserved.reservations, now);
    return { ok: false, reason: 'not_found' };
  }
  await releaseAttempt(db.kysely, reserved.reservations);
  return { ok: true, case: found.case };
}

// Password hashing with scrypt (memory-hard, built into Node). The stored string names
// its own algorithm and parameters, so the cost can be raised later without breaking
// existing hashes: `scrypt$v=1$N=131072,r=8,p=1$<salt>$<hash>` (salt and hash base64url).
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt (2^17, 8, 1): about 128 MiB of memory per hash. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    ...params,
    maxmem: 128 * params.N * params.r + 32 * 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, params);
  return `scrypt$v=1$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface Parsed {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseStored(stored: string): Parsed | null {
  const m = /^scrypt\$v=1\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(
    stored,
  );
  if (!m) return null;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  // Refuse absurd parameters from a tampered row instead of exhausting memory.
  if (
    params.N < 2 ||
    params.N > 2 ** 22 ||
    (params.N & (params.N - 1)) !== 0 ||
    params.r < 1 ||
    params.r > 32 ||
    params.p < 1 ||
    params.p > 16
  ) {
    return null;
  }
  return {
    params,
    salt: Buffer.from(m[4] ?? '', 'base64url'),
    key: Buffer.from(m[5] ?? '', 'base64url'),
  };
}

/** Constant-time comparison of `password` against a stored hash. Unknown formats never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed || parsed.key.length !== KEY_LENGTH) return false;
  const key = await scrypt(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** True when the stored hash uses weaker parameters than `params` (rehash at next sign-in). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parseStored(stored);
  if (!parsed) return true;
  return parsed.params.N < params.N || parsed.params.r < params.r || parsed.params.p < params.p;
}

/**
 * A hash of a random password, verified against when the username is unknown, so that
 * a sign-in takes as long for a missing account as for a wrong password. Made with the
 * parameters new hashes get (`params`), which is what real accounts' hashes cost.
 */
const dummies = new Map<string, Promise<string>>();
export function dummyHash(params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const id = `${params.N},${params.r},${params.p}`;
  let dummy = dummies.get(id);
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('hex'), params);
    dummies.set(id, dummy);
  }
  return dummy;
}

// Tracking numbers (查询号) and access codes (查询码). Both are random: the number says
// nothing about the agency, the year or how many applications came before, so knowing one
// number tells nothing about another. The code is shown once and stored only as a hash;
// comparison is in constant time, and an unknown number is compared against a dummy hash
// so that a wrong code and an unknown number take the same path.
// Written in Crockford base32 (no I, L, O, U) so a number read over the phone is not misheard.
// See docs/decisions/0017-applications-and-tracking.md.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomChars(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

const group = (s: string) => s.match(/.{1,4}/g)?.join('-') ?? s;

/** e.g. GK-7Q3M-8XKD-2P: 10 random characters, 50 bits. */
export function newTrackingNumber(): string {
  return `GK-${group(randomChars(10))}`;
}

/** e.g. 4F7K-Q2MD-9XTR: 12 random characters, 60 bits. */
export function newAccessCode(): string {
  return group(randomChars(12));
}

/** What people type, as stored: upper case, spaces dropped, O→0 and I/L→1 (Crockford). */
function canonical(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\u3000]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** A typed tracking number in its stored form, or null when it cannot be one. */
export function normalizeTrackingNumber(input: string): string | null {
  const raw = canonical(input).replace(/-/g, '');
  const body = raw.startsWith('GK') ? raw.slice(2) : raw;
  if (!new RegExp(`^[${ALPHABET}]{10}$`).test(body)) return null;
  return `GK-${group(body)}`;
}

export function normalizeAccessCode(input: string): string {
  return group(canonical(input).replace(/-/g, ''));
}

export function hashAccessCode(code: string): string {
  return createHash('sha256')
    .update(`gongkai-access-code:${normalizeAccessCode(code)}`)
    .digest('hex');
}

/** A hash no code produces, compared against when the number is unknown (same work, same path). */
const DUMMY_HASH = createHash('sha256').update(randomBytes(32)).digest('hex');

/** Whether `code` is the code of the stored hash (null: no such case); constant time. */
export function accessCodeMatches(storedHash: string | null, code: string): boolean {
  const given = Buffer.from(hashAccessCode(code), 'hex');
  const stored = Buffer.from(storedHash ?? DUMMY_HASH, 'hex');
  const same = stored.length === given.length && timingSafeEqual(stored, given);
  return same && storedHash !== null;
}

// ---------------------------------------------------------------------------------------
// Idempotency keys: a submission token (form) or Idempotency-Key header (API). The key is
// stored hashed; the access code of its case is sealed with a key derived from it, so a
// retry that holds the key gets the same answer, and the database alone reveals no code.

export function hashIdempotencyKey(key: string): string {
  return createHash('sha256').update(`gongkai-idempotency:${key}`).digest('hex');
}

function sealKey(idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, 'gongkai', 'access-code-seal', 32));
}

export function sealAccessCode(code: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(idempotencyKey), iv);
  const data = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

/** The sealed code, or null when `idempotencyKey` is not the key it was sealed with. */
export function unsealAccessCode(sealed: string, idempotencyKey: string): string | null {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealKey(idempotencyKey), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** A submission token for the form (the hidden field that makes a double submit one case). */
export function newSubmissionToken(): string {
  return randomBytes(18).toString('base64url');
}

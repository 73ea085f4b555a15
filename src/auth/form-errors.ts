// Turns a Zod error into one Chinese message per form field (the first one wins).
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Reads the named fields of a posted form as strings (missing → ''). */
export function formStrings<K extends string>(
  body: Record<string, unknown>,
  keys: readonly K[],
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = body[k];
    out[k] = typeof v === 'string' ? v : '';
  }
  return out;
}

// Reading a posted form: the named fields as typed (single strings, repeated fields as lists,
// uploaded files), checked against the form's Zod schema. The outcome is either the typed
// data or one Chinese message per field — always with the values as typed, so that a page
// that failed can be shown again with everything kept (the fields put the values back).
//
//   const form = await readForm(c, agencyInputSchema, { fields: AGENCY_FORM_FIELDS });
//   if (!form.ok) return renderNew(c, form.values, form.errors, 400);
//   await createAgency(deps, form.data, actor);
import type { Context } from 'hono';
import type { z } from 'zod';
import type { FieldErrors } from './forms.js';

/** Turns a Zod error into one Chinese message per form field (the first one wins). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Reads the named fields of a posted form as strings (missing or a file → ''; repeated → the first). */
export function formStrings<K extends string>(
  body: Readonly<Record<string, unknown>>,
  keys: readonly K[],
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) {
    const v = body[k];
    const first = Array.isArray(v) ? v[0] : v;
    out[k] = typeof first === 'string' ? first : '';
  }
  return out;
}

/** Which fields a form has, by kind. */
export interface FormShape<F extends string, A extends string, U extends string> {
  /** Single text fields. */
  fields?: readonly F[];
  /** Fields that may repeat (checkboxes, multiple selects): always a list of strings. */
  arrays?: readonly A[];
  /** File inputs: always a list of the files chosen (an empty choice gives none). */
  files?: readonly U[];
}

export type FormValues<F extends string, A extends string, U extends string> = Record<F, string> &
  Record<A, string[]> &
  Record<U, File[]>;

export type FormRead<D, V> =
  { ok: true; data: D; values: V } | { ok: false; values: V; errors: FieldErrors };

function listOf(v: unknown): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Reads a parsed body against `schema` (see readForm); pure, for bodies from anywhere. */
export function parseForm<
  S extends z.ZodType,
  F extends string = never,
  A extends string = never,
  U extends string = never,
>(
  body: Readonly<Record<string, unknown>>,
  schema: S,
  shape: FormShape<F, A, U>,
): FormRead<z.output<S>, FormValues<F, A, U>> {
  const values = formStrings(body, shape.fields ?? []) as Record<string, unknown>;
  for (const k of shape.arrays ?? []) {
    values[k] = listOf(body[k]).filter((x): x is string => typeof x === 'string');
  }
  for (const k of shape.files ?? []) {
    // A file input left empty is posted as a nameless, empty file.
    values[k] = listOf(body[k]).filter((x): x is File => x instanceof File && x.name !== '');
  }
  const typed = values as FormValues<F, A, U>;
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, values: typed, errors: fieldErrors(parsed.error) };
  return { ok: true, data: parsed.data, values: typed };
}

/** Reads the posted form of `c` (repeated fields and files included) against `schema`. */
export async function readForm<
  S extends z.ZodType,
  F extends string = never,
  A extends string = never,
  U extends string = never,
>(
  c: Context,
  schema: S,
  shape: FormShape<F, A, U>,
): Promise<FormRead<z.output<S>, FormValues<F, A, U>>> {
  return parseForm(await c.req.parseBody({ all: true }), schema, shape);
}

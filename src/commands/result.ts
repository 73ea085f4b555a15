// The one result type of every use case: the value, or one Chinese message per field
// (`_form` for the form as a whole). Input errors are returned, never thrown.
import type { FieldErrors } from '../web/forms.js';

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (errors: FieldErrors): { ok: false; errors: FieldErrors } => ({
  ok: false,
  errors,
});

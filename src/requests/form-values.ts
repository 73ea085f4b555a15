// The application form's posted fields (dotted names, the API's field names) and the
// application object they make. Pure. Without JavaScript the form shows a fixed number of
// item rows; 「再添加一项」 posts the form back with one row more, everything typed kept.
import { MAX_ITEMS } from './application.js';

export const APPLICANT_FIELDS = [
  'applicant.category',
  'applicant.name',
  'applicant.idType',
  'applicant.idNumber',
  'applicant.creditCode',
  'applicant.legalRepresentative',
  'applicant.contactName',
  'applicant.phone',
  'applicant.address',
  'applicant.email',
] as const;

export const DELIVERY_FIELDS = [
  'delivery.form',
  'delivery.method',
  'delivery.acceptOther',
] as const;
export const ITEM_FIELDS = ['title', 'documentNumber', 'description'] as const;

/** Item rows a new form shows. */
export const INITIAL_ITEM_ROWS = 3;

export type FormValues = Record<string, string>;

const itemKey = (i: number, f: (typeof ITEM_FIELDS)[number]) => `items.${i}.${f}`;

/** How many item rows the posted form had (its hidden `itemRows`), within 1..MAX_ITEMS. */
export function itemRowsOf(values: FormValues): number {
  const n = Number(values.itemRows);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_ITEMS) : INITIAL_ITEM_ROWS;
}

/** Every field of the form as the posted strings ('' when absent). */
export function readFormValues(body: Readonly<Record<string, unknown>>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/**
 * The application object (API shape) of the posted form, and for each item kept the row
 * it came from: blank rows are dropped, so errors are mapped back to the row typed in.
 */
export function formToApplication(values: FormValues): { application: unknown; rowOf: number[] } {
  const v = (k: string) => values[k] ?? '';
  const choice = (k: string) => (v(k) === '' ? undefined : v(k));
  const rows = itemRowsOf(values);
  const rowOf: number[] = [];
  const items = [];
  for (let i = 0; i < rows; i++) {
    const item = Object.fromEntries(ITEM_FIELDS.map((f) => [f, v(itemKey(i, f))]));
    if (ITEM_FIELDS.every((f) => (item[f] ?? '').trim() === '')) continue;
    rowOf.push(i);
    items.push(item);
  }
  return {
    application: {
      applicant: {
        category: choice('applicant.category'),
        name: v('applicant.name'),
        idType: choice('applicant.idType'),
        idNumber: v('applicant.idNumber'),
        creditCode: v('applicant.creditCode'),
        legalRepresentative: v('applicant.legalRepresentative'),
        contactName: v('applicant.contactName'),
        phone: v('applicant.phone'),
        address: v('applicant.address'),
        email: v('applicant.email'),
      },
      items,
      delivery: {
        form: choice('delivery.form'),
        method: choice('delivery.method'),
        acceptOther: v('delivery.acceptOther') === '1',
      },
    },
    rowOf,
  };
}

/** Error keys of the kept items (`items.0.…`) moved to the rows they were typed in. */
export function errorsToRows(
  errors: Record<string, string>,
  rowOf: readonly number[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^items\.(\d+)\.(.+)$/.exec(key);
    out[m ? `items.${rowOf[Number(m[1])] ?? Number(m[1])}.${m[2]}` : key] = message;
  }
  return out;
}

// The JSON keys the cross-checks reason about. They are the spec's stable keys, present in
// both formats (a test asserts it); labels always come from the format definition.
export const REQUESTS = {
  received: 'received',
  carriedIn: 'carried_in',
  outcomeTotal: 'outcome_total',
  carriedOut: 'carried_out',
  totalColumn: 'total',
} as const;

export const REVIEW_TOTAL = 'total';

export const STOCK = {
  block: 'article20_1',
  issued: 'issued',
  repealed: 'repealed',
  inForce: 'in_force',
} as const;

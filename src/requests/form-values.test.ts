import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorsToRows, formToApplication, itemRowsOf } from './form-values.js';

test('blank item rows are dropped and errors go back to the row typed in', () => {
  const { application, rowOf } = formToApplication({
    itemRows: '3',
    'applicant.category': 'natural_person',
    'items.0.description': '',
    'items.1.title': '规划图',
    'items.2.description': '  ',
    'delivery.acceptOther': '1',
  });
  const app = application as {
    items: unknown[];
    applicant: { idType?: string };
    delivery: { form?: string; acceptOther: boolean };
  };
  assert.deepEqual(app.items, [{ title: '规划图', documentNumber: '', description: '' }]);
  assert.deepEqual(rowOf, [1]);
  // An unchosen select is absent (so the schema says 请选择…), not an empty string.
  assert.equal(app.applicant.idType, undefined);
  assert.equal(app.delivery.form, undefined);
  assert.equal(app.delivery.acceptOther, true);
  assert.deepEqual(errorsToRows({ 'items.0.description': 'x', 'applicant.name': 'y' }, rowOf), {
    'items.1.description': 'x',
    'applicant.name': 'y',
  });
});

test('the number of item rows stays within 1 and 20', () => {
  assert.equal(itemRowsOf({}), 3);
  assert.equal(itemRowsOf({ itemRows: '5' }), 5);
  assert.equal(itemRowsOf({ itemRows: '500' }), 20);
  assert.equal(itemRowsOf({ itemRows: '-1' }), 3);
  assert.equal(itemRowsOf({ itemRows: 'x' }), 3);
});

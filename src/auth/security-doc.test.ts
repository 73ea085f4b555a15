// docs/security.md held to the code: its generated tables (roles × permissions, the
// authorisation matrix) must say what PERMISSIONS and the matrix's ROUTES give now. The
// matrix's rows are themselves held to the routes the app serves by
// test/http/route-permissions.test.tsx, so a new route fails there first, then here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { matrixMarkdown, ROUTES } from '../../test/http/authorisation-matrix.js';
import {
  permissionsMarkdown,
  REWRITE_COMMAND,
  SECTIONS,
  SECURITY_DOC,
  sectionOf,
  staleness,
  tableRows,
  withSection,
} from '../../test/http/security-doc.js';
import { PERMISSION_LABELS, PERMISSIONS, type Permission } from './policy.js';
import { ROLES } from './roles.js';

const doc = readFileSync(SECURITY_DOC, 'utf8');
const section = (name: string) => SECTIONS.find((s) => s.name === name)!;
const MATRIX = section('authorisation-matrix');
const ROLE_TABLE = section('roles-permissions');

describe('docs/security.md', () => {
  for (const s of SECTIONS)
    test(`the ${s.title} table is what the code gives`, () => {
      const stale = staleness(doc, s);
      assert.equal(
        stale,
        '',
        `docs/security.md: the ${s.title} table differs from the code; rewrite it with\n  ${REWRITE_COMMAND}\n${stale}`,
      );
    });

  test('the role table has a row per permission, its Chinese name and a column per role', () => {
    const rows = tableRows(sectionOf(doc, ROLE_TABLE.name));
    // header, separator, one row per permission
    assert.equal(rows.length, 2 + Object.keys(PERMISSIONS).length);
    for (const row of rows.slice(2)) {
      const [name, label, ...cells] = row.split(' | ');
      const permission = name!.slice(1, -1) as Permission;
      const holders = PERMISSIONS[permission] as readonly string[] | undefined;
      assert.ok(holders, `${name} is not a permission of src/auth/policy.ts`);
      assert.equal(label, PERMISSION_LABELS[permission], row);
      assert.deepEqual(
        cells,
        ROLES.map((r) => (holders.includes(r) ? '可' : '—')),
        row,
      );
    }
  });

  test('the matrix has a row per route of the reviewed table', () => {
    const rows = tableRows(sectionOf(doc, MATRIX.name));
    assert.equal(rows.length, 2 + Object.keys(ROUTES).length);
  });
});

describe('the staleness check', () => {
  test('a route added to the table makes the matrix stale, naming the route', () => {
    const more = matrixMarkdown({ ...ROUTES, 'GET /console/new-page': 'console.view' });
    assert.match(
      staleness(doc, MATRIX, more),
      /code has, the file lacks: `GET \/console\/new-page`/,
    );
  });

  test('a permission added, or a role given one, makes the role table stale', () => {
    const added = permissionsMarkdown({ ...PERMISSIONS, 'request.export': ['handler'] });
    assert.match(
      staleness(doc, ROLE_TABLE, added),
      /`request\.export` \| request\.export \| 可 \| —/,
    );
    const widened = permissionsMarkdown({ ...PERMISSIONS, 'audit.view': ['admin', 'supervisor'] });
    assert.match(staleness(doc, ROLE_TABLE, widened), /the file has, code lacks: `audit\.view`/);
  });

  test('a row removed from the file, or rows swapped, is caught; Prettier’s padding is not', () => {
    const generated = ROLE_TABLE.markdown();
    const lines = generated.split('\n');
    const without = withSection(doc, ROLE_TABLE.name, lines.slice(0, -1).join('\n'));
    assert.match(staleness(without, ROLE_TABLE), /the file lacks/);
    const swapped = [...lines.slice(0, 2), lines[3], lines[2], ...lines.slice(4)].join('\n');
    assert.equal(
      staleness(withSection(doc, ROLE_TABLE.name, swapped), ROLE_TABLE),
      'the same rows, in another order',
    );
    const padded = lines.map((l) => l.replace(/ \| /gu, '   |   ')).join('\n');
    assert.equal(staleness(withSection(doc, ROLE_TABLE.name, padded), ROLE_TABLE), '');
  });
});

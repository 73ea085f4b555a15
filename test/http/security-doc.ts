// The generated tables of docs/security.md, each between its own two marker lines. One list
// of them, used twice: authorisation-matrix-doc.ts writes them, src/auth/security-doc.test.ts
// fails when the file no longer says what the code gives. Pure: no database, no app.
import { PERMISSION_LABELS, PERMISSIONS } from '../../src/auth/policy.js';
import { ROLE_LABELS, ROLES, type Role } from '../../src/auth/roles.js';
import { matrixMarkdown } from './authorisation-matrix.js';

export const SECURITY_DOC = new URL('../../docs/security.md', import.meta.url);

/** The command that rewrites every generated table of the file. */
export const REWRITE_COMMAND = 'node --import tsx test/http/authorisation-matrix-doc.ts';

export interface DocSection {
  /** The name in the markers: `<!-- name:start -->` … `<!-- name:end -->`. */
  name: string;
  /** The heading of the section, to say which table is stale. */
  title: string;
  markdown: () => string;
}

export const SECTIONS: readonly DocSection[] = [
  { name: 'roles-permissions', title: '角色与权限', markdown: () => permissionsMarkdown() },
  { name: 'authorisation-matrix', title: 'Authorisation matrix', markdown: () => matrixMarkdown() },
];

/** Roles × permissions: who holds each permission of the policy (可) and who does not (—). */
/** A permission's Chinese name; a key the policy does not have (a test's) shows as itself. */
const labelOf = (permission: string): string =>
  (PERMISSION_LABELS as Readonly<Record<string, string>>)[permission] ?? permission;

export function permissionsMarkdown(
  permissions: Readonly<Record<string, readonly Role[]>> = PERMISSIONS,
): string {
  const lines = [
    `| 权限 | 用途 | ${ROLES.map((r) => ROLE_LABELS[r]).join(' | ')} |`,
    `| --- | --- |${' --- |'.repeat(ROLES.length)}`,
  ];
  for (const [permission, roles] of Object.entries(permissions))
    lines.push(
      `| \`${permission}\` | ${labelOf(permission)} | ${ROLES.map((r) => (roles.includes(r) ? '可' : '—')).join(' | ')} |`,
    );
  return lines.join('\n');
}

const markers = (name: string) => ({
  start: `<!-- ${name}:start -->`,
  end: `<!-- ${name}:end -->`,
});

function bounds(doc: string, name: string): { from: number; to: number } {
  const { start, end } = markers(name);
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from)
    throw new Error(`docs/security.md lacks the ${start} … ${end} markers`);
  return { from: from + start.length, to };
}

/** The text between the section's markers. */
export function sectionOf(doc: string, name: string): string {
  const { from, to } = bounds(doc, name);
  return doc.slice(from, to);
}

/** The document with the section's text replaced by `markdown`. */
export function withSection(doc: string, name: string, markdown: string): string {
  const { from, to } = bounds(doc, name);
  return `${doc.slice(0, from)}\n\n${markdown}\n\n${doc.slice(to)}`;
}

/**
 * The rows of the Markdown tables in `text`, each as its trimmed cells joined by ' | ': the
 * same whether or not Prettier has padded the columns (it does, in the file).
 */
export function tableRows(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .replace(/^\|/u, '')
        .replace(/(?<!\\)\|$/u, '')
        .split(/(?<!\\)\|/u)
        .map((cell) => cell.trim())
        .map((cell) => (/^:?-+:?$/u.test(cell) ? '---' : cell))
        .join(' | '),
    );
}

/** How the section in `doc` differs from what the code gives: nothing when it does not. */
export function staleness(doc: string, section: DocSection, markdown = section.markdown()): string {
  const inDoc = tableRows(sectionOf(doc, section.name));
  const fromCode = tableRows(markdown);
  const missing = fromCode.filter((row) => !inDoc.includes(row));
  const extra = inDoc.filter((row) => !fromCode.includes(row));
  if (missing.length === 0 && extra.length === 0) {
    return inDoc.join('\n') === fromCode.join('\n') ? '' : 'the same rows, in another order';
  }
  return [
    ...missing.map((row) => `  code has, the file lacks: ${row}`),
    ...extra.map((row) => `  the file has, code lacks: ${row}`),
  ].join('\n');
}

// Writes the authorisation matrix into docs/security.md, between its two marker lines:
//   node --import tsx test/http/authorisation-matrix-doc.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { matrixMarkdown } from './authorisation-matrix.js';

const FILE = new URL('../../docs/security.md', import.meta.url);
const START = '<!-- authorisation-matrix:start -->';
const END = '<!-- authorisation-matrix:end -->';
const doc = readFileSync(FILE, 'utf8');
const from = doc.indexOf(START);
const to = doc.indexOf(END);
if (from < 0 || to < from) throw new Error(`docs/security.md lacks the ${START} … ${END} markers`);
writeFileSync(
  FILE,
  `${doc.slice(0, from + START.length)}\n\n${matrixMarkdown()}\n\n${doc.slice(to)}`,
);

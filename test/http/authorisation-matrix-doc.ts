// Writes the generated tables into docs/security.md, each between its two marker lines (the
// roles × permissions table and the authorisation matrix; security-doc.ts lists them), and
// formats the file as Prettier does, so that `prettier --check` passes without another step:
//   node --import tsx test/http/authorisation-matrix-doc.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { SECTIONS, SECURITY_DOC, withSection } from './security-doc.js';

const path = fileURLToPath(SECURITY_DOC);
let doc = readFileSync(path, 'utf8');
for (const section of SECTIONS) doc = withSection(doc, section.name, section.markdown());
writeFileSync(path, await format(doc, { ...(await resolveConfig(path)), filepath: path }));

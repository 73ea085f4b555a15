// Writes schemas/annual-report.schema.json from the Zod schema of the report
// (src/reports/json.ts). Run after changing the format definitions or the model:
//   node --import tsx scripts/write-schema.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { annualReportSchemaText, SCHEMA_PATH } from '../src/reports/json-schema-file.js';

const target = fileURLToPath(new URL(`../${SCHEMA_PATH}`, import.meta.url));
writeFileSync(target, await annualReportSchemaText());
console.log(`已写入 ${SCHEMA_PATH}`);

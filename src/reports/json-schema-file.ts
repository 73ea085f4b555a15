// The text of the published schemas/annual-report.schema.json, formatted as the
// repository formats JSON, so the committed file can be compared with what the code builds.
import { format } from 'prettier';
import { annualReportJsonSchema } from './json.js';

export const SCHEMA_PATH = 'schemas/annual-report.schema.json';

export async function annualReportSchemaText(): Promise<string> {
  return format(JSON.stringify(annualReportJsonSchema()), { parser: 'json', printWidth: 100 });
}

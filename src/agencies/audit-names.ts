// Audit subjects the agencies feature owns: agencies by their full name, and an agency's
// year (`<agency id>:<YYYY>`, e.g. its table 二 figures) as 「<agency> 2021年」.
import type { SubjectNamer } from '../audit/subject-names.js';

const AGENCY_YEAR = /^([0-9a-f-]{36}):(\d{4})$/;

export const agencySubjectNames: SubjectNamer = async (db, ids) => {
  const years = ids.flatMap((id) => {
    const m = AGENCY_YEAR.exec(id);
    return m ? [{ id, agencyId: m[1]!, year: m[2]! }] : [];
  });
  const rows = await db
    .selectFrom('agencies')
    .select(['id', 'full_name'])
    .where('id', 'in', [...ids, ...years.map((y) => y.agencyId)])
    .execute();
  const names = new Map(rows.map((a) => [a.id, a.full_name]));
  for (const y of years) {
    const agency = names.get(y.agencyId);
    if (agency) names.set(y.id, `${agency} ${y.year}年`);
  }
  return names;
};

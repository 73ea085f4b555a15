// "Contains these words" for a list's search box, the same on SQLite and PostgreSQL: the
// typed text is matched literally (its % and _ are not wildcards) with an explicit ESCAPE,
// since the two databases do not agree on a default escape character.
import { sql, type Expression, type SqlBool } from 'kysely';

/** The LIKE pattern for "contains `text`", with \ % _ escaped by a backslash. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** `column` contains `text` literally. */
export function contains(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${containsPattern(text)} escape '\\'`;
}

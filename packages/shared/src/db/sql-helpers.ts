import { type RawBuilder, sql } from 'kysely';

/**
 * `excluded.<column>` for a jsonb column in ON CONFLICT … DO UPDATE: Kysely types `eb.ref` with the
 * column's select type (parsed JSON), while jsonb columns are written as JSON strings.
 */
export function excludedJson(column: string): RawBuilder<string> {
  return sql<string>`excluded.${sql.ref(column)}`;
}

import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Marks a hot statement: give it as a query builder's `.comment(PREPARED)` or a find's
 * `comment`, or start raw SQL with `PREPARED_SQL`.
 */
export const PREPARED = 'prepared';
export const PREPARED_SQL = `/* ${PREPARED} */ `;

const names = new Map<string, string>();
// Far more than the product's marked statements and their variants; a bound all the same.
const MOST_NAMES_KEPT = 10_000;

/** The statement's name on a connection: from its text, so each variant of a built query has its own. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    if (names.size >= MOST_NAMES_KEPT) names.clear();
    name = `tpm_${createHash('sha1').update(sql).digest('base64url')}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * The pool's client: SQL that starts with the mark goes as a named statement, which PostgreSQL
 * parses once per connection and, once its generic plan costs no more than the custom ones, plans
 * once too. Everything else goes as before.
 */
export class PreparingClient extends pg.Client {
  // pg's overloads cannot be restated one by one here; the arguments are passed on untouched.
  override query(...args: unknown[]): never {
    const [sql] = args;
    if (typeof sql === 'string' && sql.startsWith(PREPARED_SQL)) args[0] = { name: statementName(sql), text: sql };
    return (super.query as (...passed: unknown[]) => never)(...args);
  }
}

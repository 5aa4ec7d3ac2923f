/**
 * WHERE clauses built from optional filters with their parameters in order, in plain SQL that
 * SQLite and PostgreSQL read alike (row values, IN lists, no json_each).
 */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** `column IN (…)` over a small set (the caller's granted meetings); an empty set matches nothing. */
  within(column: string, values: ReadonlySet<string> | null): this {
    if (values === null) return this;
    if (values.size === 0) return this.add('1 = 0');
    return this.add(`${column} IN (${[...values].map(() => '?').join(', ')})`, ...values);
  }

  /**
   * Bounds on the day held ("YYYY-MM-DD"), exact on `dayColumn` and, for the index, on the
   * time column a day wider on each side (whatever the projection's time zone).
   */
  days(timeColumn: string, dayColumn: string, from: string | undefined, to: string | undefined): this {
    const DAY = 86_400_000;
    if (from) this.add(`${timeColumn} >= ? AND ${dayColumn} >= ?`, Date.parse(`${from}T00:00:00Z`) - DAY, from);
    if (to) this.add(`${timeColumn} < ? AND ${dayColumn} <= ?`, Date.parse(`${to}T00:00:00Z`) + 2 * DAY, to);
    return this;
  }

  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : '1 = 1';
  }
}

/** How many rows a query (without its ORDER BY / LIMIT) returns, stopping at `cap`. */
export function cappedCountSql(fromAndWhere: string, cap: number): string {
  return `SELECT count(*) AS n FROM (SELECT 1 ${fromAndWhere} LIMIT ${cap + 1}) counted`;
}

export const toMatchCount = (n: number, cap: number) => ({ count: Math.min(n, cap), capped: n > cap });

/** Prepared statements by their SQL: the filters make a handful of shapes, each prepared once. */
export function statementCache(db: import('better-sqlite3').Database) {
  const statements = new Map<string, import('better-sqlite3').Statement<unknown[], unknown>>();
  return <R>(sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare<unknown[], unknown>(sql)));
    return statement as import('better-sqlite3').Statement<unknown[], R>;
  };
}

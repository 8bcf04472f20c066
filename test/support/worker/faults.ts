/** A D1 that fails on purpose, for fault-injection tests that call `createApp().fetch` with it. */

/** What D1 throws when it cannot be reached: the Worker must answer 503 with Retry-After. */
export const unavailable = () => new Error("D1_ERROR: Network connection lost.");

/** What a bug looks like (a bad column): the Worker must answer a bare 500 and log no values. */
export const bug = () => new Error("D1_ERROR: no such column: oops: SQLITE_ERROR");

/**
 * Wraps a real D1 so that its `failAt`-th query (a statement run or a batch)
 * throws `error()` (and, with `every`, each call after it). Every other call goes to the real database, so what was
 * written before the failure is really written: the tests can see half-writes.
 */
export function faultyDatabase(
  real: D1Database,
  failAt: number,
  error: () => Error = unavailable,
  options: { every?: boolean } = {},
) {
  let calls = 0;
  const tick = () => {
    calls += 1;
    // `every`: from the failAt-th call on, as a database that stays unreachable.
    if (calls === failAt || (options.every && calls >= failAt)) throw error();
  };
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const faulty = {
      real: statement,
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      first: async (column?: string) => {
        tick();
        return column ? statement.first(column) : statement.first();
      },
      all: async () => {
        tick();
        return statement.all();
      },
      run: async () => {
        tick();
        return statement.run();
      },
      raw: async (options?: { columnNames?: boolean }) => {
        tick();
        return statement.raw(options as { columnNames: true });
      },
    };
    return faulty as unknown as D1PreparedStatement;
  };
  // batch() needs the real statements back.
  const unwrap = (s: D1PreparedStatement) => (s as unknown as { real?: D1PreparedStatement }).real ?? s;
  const db = {
    prepare: (sql: string) => wrap(real.prepare(sql)),
    batch: async (statements: D1PreparedStatement[]) => {
      tick();
      return real.batch(statements.map(unwrap));
    },
    exec: async (sql: string) => {
      tick();
      return real.exec(sql);
    },
    withSession: () => db,
    getBookmark: () => null,
  };
  return { db: db as unknown as D1Database, calls: () => calls };
}

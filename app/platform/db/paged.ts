/** One page of a list and how many rows the whole list has. */
export type Paged<T> = { rows: T[]; total: number; page: number };

/** Rows counted with `count(*) over () as total` into one page of a list (one statement, no second count). */
export const paged = <T extends { total: number }>(rows: T[], page: number): Paged<Omit<T, "total">> => ({
  rows: rows.map(({ total: _, ...row }) => row),
  total: rows[0]?.total ?? 0,
  page,
});

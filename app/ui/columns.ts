// A long table's rows sent to the browser as one array per column: the loader's data is written
// into the page (and encoded, escaped and decoded on the way), and rows as objects repeat every
// key on every row. 500 rows of the mentoring report: about half the bytes (decisions/008, 9).

export type Columns<T> = { [K in keyof T]: T[K][] };

/** The rows as columns, each holding the values of one key in row order. */
export function toColumns<T extends object>(rows: readonly T[], keys: readonly (keyof T)[]): Columns<T> {
  const columns = {} as Columns<T>;
  for (const key of keys) columns[key] = rows.map((row) => row[key]);
  return columns;
}

/** The rows back from their columns (all columns have the same length). */
export function fromColumns<T extends object>(columns: Columns<T>): T[] {
  const keys = Object.keys(columns) as (keyof T)[];
  const length = keys.length ? columns[keys[0]!].length : 0;
  return Array.from({ length }, (_, i) => {
    const row = {} as T;
    for (const key of keys) row[key] = columns[key][i]!;
    return row;
  });
}

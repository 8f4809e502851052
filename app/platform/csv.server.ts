import { stringify } from "csv-stringify/sync";

// A cell a spreadsheet would run as a formula (OWASP "CSV injection"): it begins with =, +, -, @,
// a tab or a carriage return. A plain number (a negative z-score) is no formula and stays a number.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** The cell as text a spreadsheet shows and never runs: a formula gets a leading single quote. */
export const neutraliseFormula = (cell: string) => (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell);

/**
 * Every CSV we let people download: csv-stringify quotes commas, quotes and line breaks, every
 * text cell is neutralised, and a byte-order mark makes spreadsheet software read UTF-8.
 */
export const toCsv = (rows: unknown[][]) => stringify(rows, { bom: true, cast: { string: neutraliseFormula } });

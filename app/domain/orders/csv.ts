// CSV for spreadsheets: RFC 4180 quoting, plus a guard against formula injection (a cell that
// starts with = + - @ or a tab/CR would be run as a formula by Excel and friends).
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** One cell. Plain numbers stay numbers (a leading minus is a sign, not a formula). */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value !== "number" && !NUMERIC.test(text) && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

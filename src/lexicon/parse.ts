/**
 * Reading a lexicon table: plain text, one row per line, cells separated by
 * a tab or by two or more spaces (a single space stays inside a cell, so
 * "White House" is one cell). `#` starts a comment, on its own line or after
 * the cells; `-` is an empty cell. Every problem names its table and line.
 */
import type { z } from 'zod';

/** Everything wrong with the lexicon, one problem a line ("institutions line 12 (…): …"). */
export class LexiconError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The lexicon has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'LexiconError';
  }
}

/** Where a row comes from: its table, its line (1 = the line with the opening backtick) and its text. */
export interface RowOrigin {
  table: string;
  line: number;
  source: string;
}

/** One problem, worded so that someone editing the table can find the row. */
export function problemAt(origin: RowOrigin, message: string): string {
  return `${origin.table} line ${origin.line} ("${origin.source}"): ${message}`;
}

/** A table's columns and the schema each row must satisfy (it receives the cells by column name). */
export interface TableShape<Row> {
  columns: readonly string[];
  row: z.ZodType<Row>;
}

/** Cells are separated by tabs or by two or more spaces. */
const CELL_SEPARATOR = /\t+| {2,}/;
/** A cell written as a lone dash is empty (a column in the middle left blank). */
const EMPTY_CELL = '-';

interface RawRow extends RowOrigin {
  cells: string[];
}

/** The rows of a table's text, comments and blank lines dropped, cells split. */
function rawRows(table: string, text: string): RawRow[] {
  const rows: RawRow[] = [];
  text.split('\n').forEach((raw, index) => {
    const source = raw.trim();
    if (source === '' || source.startsWith('#')) return;
    const cells = source.split(CELL_SEPARATOR);
    const comment = cells.findIndex((c) => c.startsWith('#'));
    rows.push({ table, line: index + 1, source, cells: comment < 0 ? cells : cells.slice(0, comment) });
  });
  return rows;
}

/** The cells of a row by column name; empty cells are left out. */
function cellsByColumn(columns: readonly string[], cells: readonly string[]): Record<string, string> {
  const named: Record<string, string> = {};
  columns.forEach((column, i) => {
    const cell = cells[i];
    if (cell !== undefined && cell !== EMPTY_CELL) named[column] = cell;
  });
  return named;
}

function describeIssue(issue: z.core.$ZodIssue, cells: Record<string, string>): string {
  const column = issue.path[0];
  if (typeof column === 'string' && !(column in cells)) {
    return `no ${column} (cells are separated by a tab or by two or more spaces)`;
  }
  const where = issue.path.length > 0 ? `${issue.path.join(' ')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * Parses and validates a table. Each valid row comes back with its origin;
 * each invalid one adds a problem to `problems`, so one run reports them all.
 */
export function parseTable<Row>(
  table: string,
  text: string,
  shape: TableShape<Row>,
  problems: string[],
): (Row & RowOrigin)[] {
  const rows: (Row & RowOrigin)[] = [];
  for (const raw of rawRows(table, text)) {
    const { cells, ...origin } = raw;
    if (cells.length > shape.columns.length) {
      problems.push(
        problemAt(origin, `${cells.length} cells, but the columns are ${shape.columns.join(', ')}`),
      );
      continue;
    }
    const named = cellsByColumn(shape.columns, cells);
    const parsed = shape.row.safeParse(named);
    if (parsed.success) rows.push({ ...parsed.data, ...origin });
    else
      for (const issue of parsed.error.issues) problems.push(problemAt(origin, describeIssue(issue, named)));
  }
  return rows;
}

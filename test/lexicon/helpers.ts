import { expect } from 'vitest';
import { LexiconError } from '../../src/lexicon/index.ts';
import { loadLexicon, TABLE_TEXTS, type TableTexts } from '../../src/lexicon/load.ts';

type TableName = keyof TableTexts;

/** The real tables with `rows` appended to one of them, and the line the first appended row is on. */
export function withRows(table: TableName, rows: string): { texts: TableTexts; line: number } {
  const base = TABLE_TEXTS[table];
  const line = base.split('\n').length;
  return { texts: { ...TABLE_TEXTS, [table]: `${base}${rows}\n` }, line };
}

/** The problems loading the tables reports (none when it loads). */
export function problemsOf(texts: TableTexts): readonly string[] {
  try {
    loadLexicon(texts);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(LexiconError);
    return (error as LexiconError).problems;
  }
}

/** Appends rows to a table and expects exactly one problem, on `line + offset`, matching `pattern`. */
export function expectOneProblem(table: TableName, rows: string, pattern: RegExp, offset = 0): string {
  const { texts, line } = withRows(table, rows);
  const problems = problemsOf(texts);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toContain(`line ${line + offset} (`);
  expect(problems[0]).toMatch(pattern);
  return problems[0]!;
}

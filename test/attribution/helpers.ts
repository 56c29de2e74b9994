import { expect } from 'vitest';
import { extractStatements } from '../../src/attribution/index.ts';
import type { ExtractedStatement } from '../../src/model.ts';

/** Extracts and checks the offset invariant on every statement. */
export function extract(text: string, bodyStart = 0): ExtractedStatement[] {
  const statements = extractStatements(text, { bodyStart });
  for (const s of statements) expectSlices(text, s);
  return statements;
}

export function expectSlices(text: string, s: ExtractedStatement): void {
  expect(text.slice(s.text.start, s.text.end)).toBe(s.text.text);
  if (s.speaker.mention)
    expect(text.slice(s.speaker.mention.start, s.speaker.mention.end)).toBe(s.speaker.mention.text);
  if (s.cue) expect(text.slice(s.cue.start, s.cue.end)).toBe(s.cue.text);
  for (const q of s.quotes ?? []) {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    // A quote inside reported speech lies inside the statement's own words.
    expect(q.start >= s.text.start && q.end <= s.text.end).toBe(true);
  }
}

/** The one statement whose text contains `words`; fails when there is none or several. */
export function only(
  statements: ExtractedStatement[],
  words: string,
  kind?: ExtractedStatement['kind'],
): ExtractedStatement {
  const hits = statements.filter((s) => s.text.text.includes(words) && (!kind || s.kind === kind));
  expect(
    hits.map((s) => `${s.kind}: ${s.text.text}`),
    `statements containing "${words}"`,
  ).toHaveLength(1);
  return hits[0]!;
}

/** Statements (any kind) whose text contains `words`. */
export function about(statements: ExtractedStatement[], words: string): ExtractedStatement[] {
  return statements.filter((s) => s.text.text.includes(words));
}

/** Compact view for readable failures: "kind|speaker|country|denial|text". */
export function summary(statements: ExtractedStatement[]): string[] {
  return statements.map((s) => `${s.kind}|${s.speaker.name}|${s.speaker.country}|${s.denial}|${s.text.text}`);
}

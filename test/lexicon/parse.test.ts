import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/lexicon/parse.ts';
import { SHAPES } from '../../src/lexicon/schemas.ts';

function parse(text: string) {
  const problems: string[] = [];
  const rows = parseTable('test', text, SHAPES.institutions, problems);
  return { rows, problems };
}

describe('reading a table', () => {
  it('splits cells on tabs or two spaces, keeps single spaces inside a cell, and skips comments', () => {
    const { rows, problems } = parse(
      `
# name          class     country
White House     office    US        # the president's office
Downing Street\toffice\tGB

# a comment line
`,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.name, r.class, r.country, r.line])).toEqual([
      ['White House', 'office', 'US', 3],
      ['Downing Street', 'office', 'GB', 4],
    ]);
  });

  it('reads "-" as an empty cell and a list cell as a list', () => {
    const problems: string[] = [];
    const rows = parseTable('test', '\nmumble  speech  -  mumble mumbles\n', SHAPES.cueVerbs, problems);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      lemma: 'mumble',
      class: 'speech',
      flags: [],
      forms: ['mumble', 'mumbles'],
    });
  });

  it('names the table, line and row of each problem, and goes on to the next row', () => {
    const { rows, problems } = parse(
      `
Kremlin  office  RUS
Lok Sabha parliament IN
Bundestag  parliament  DE
Knesset  senate  IL
`,
    );
    expect(rows.map((r) => r.name)).toEqual(['Bundestag']);
    expect(problems).toEqual([
      expect.stringMatching(/^test line 2 \("Kremlin {2}office {2}RUS"\): country: not a country code/),
      expect.stringMatching(/^test line 3 \("Lok Sabha parliament IN"\): no class \(cells are separated/),
      expect.stringMatching(/^test line 3 .*: no country/),
      expect.stringMatching(/^test line 5 \("Knesset {2}senate {2}IL"\): class: /),
    ]);
  });

  it('rejects a row with more cells than columns, and upper-case words in word tables', () => {
    const problems: string[] = [];
    parseTable('test', '\nspokesman  title  male  extra\nMinister  title\n', SHAPES.titles, problems);
    expect(problems).toEqual([
      expect.stringMatching(/line 2 .*: 4 cells, but the columns are form, classes/),
      expect.stringMatching(/line 3 .*: form: words are written in lower case/),
    ]);
  });
});

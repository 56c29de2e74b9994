/**
 * `npm run statements` as a user runs it: folders walked, bad files reported
 * on stderr and skipped, one JSON array on stdout, usage on no arguments.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractedStatementSchema } from '../../src/model.ts';
import { corpusFolder } from '../engine/helpers.ts';
import { type CliResult, runCli } from '../support/cli.ts';

function statements(...args: string[]): Promise<CliResult> {
  return runCli('src/cli/statements.ts', args);
}

describe('npm run statements', () => {
  it('prints usage and exits 2 without arguments', async () => {
    const { code, stderr, stdout } = await statements();
    expect(code).toBe(2);
    expect(stderr).toContain('Usage');
    expect(stdout).toBe('');
  });

  it('reads folders as the corpus is read, skips bad files with the loader’s reason, and keeps offsets into the file', async () => {
    const md = '---\ntitle: "Harbour news"\n---\n"The harbour is closed," harbour master Ines Sola said.\n';
    const dir = corpusFolder({
      'nested/a.md': md,
      'b.txt': 'Officials said the road would reopen on Friday.\n',
      'empty.txt': '  \n',
      'latin1.txt': Buffer.from([0x22, 0xe9, 0x22, 0x0a]),
      'no-article.json': '{}',
      'README.txt': 'A dataset of articles.\n',
      '.whosaidignore': 'drafts/\n',
      'drafts/c.md': '"We will win," said Ana Lind.\n',
      'export.jsonl':
        '{"title": "One", "text": "The minister Ola Berg said the port would reopen."}\n' +
        '{"title": "Two", "text": "\\"No comment,\\" said Eva Holm."}\n',
    });
    const { code, stdout, stderr } = await statements(dir, path.join(dir, 'missing.txt'));
    expect(code).toBe(0);
    expect(stderr).toContain('empty.txt: empty');
    expect(stderr).toMatch(/warning .*latin1\.txt: .*Windows-1252/);
    expect(stderr).toMatch(/skipped .*no-article\.json: /);
    expect(stderr).toMatch(/skipped .*README\.txt: /);
    expect(stderr).toContain('missing.txt: no such file or folder');
    expect(stderr).not.toContain('drafts');
    const out = JSON.parse(stdout) as ({ file: string; part?: number } & Record<string, unknown>)[];
    expect(out.map((s) => path.basename(s.file))).toEqual(['b.txt', 'export.jsonl', 'export.jsonl', 'a.md']);
    expect(out.filter((s) => s.file.endsWith('.jsonl')).map((s) => s.part)).toEqual([1, 2]);
    for (const s of out.filter((o) => !o.file.endsWith('.jsonl'))) {
      const { file, ...statement } = s;
      const parsed = ExtractedStatementSchema.parse(statement);
      expect(file.startsWith(dir)).toBe(true);
      const text = file.endsWith('a.md') ? md : 'Officials said the road would reopen on Friday.\n';
      expect(text.slice(parsed.text.start, parsed.text.end)).toBe(parsed.text.text);
    }
    expect(out.at(-1)).toMatchObject({
      kind: 'direct',
      speaker: { name: 'Ines Sola', title: 'harbour master' },
    });
  });
});

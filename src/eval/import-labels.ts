/**
 * Turns annotators' draft labels (verbatim snippets of BBC articles) into the
 * gold file kept in the repository: file names, offsets and labels only, no
 * article text (the articles are the publisher's; they stay in ../shared).
 *
 *   npx tsx src/eval/import-labels.ts /tmp/labels/batch-*.json
 *
 * Every snippet must occur in its article (the `occurrence`-th time); the
 * import fails naming any that does not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BBC_GOLD_FILE, type BbcGoldArticle, bbcSplitOf, readBbcArticle } from './bbc.ts';
import { sharedDir } from './paths.ts';

interface DraftItem {
  snippet: string;
  occurrence?: number;
  speaker: string;
  speaker_kind?: string;
  named?: boolean;
  country: string | null;
  explicit?: boolean;
  politician?: boolean;
  denial?: boolean;
}

interface DraftArticle {
  file: string;
  denials?: DraftItem[];
  statements?: DraftItem[];
}

function locate(text: string, item: DraftItem, file: string): [number, number] {
  let at = -1;
  for (let n = 0; n < (item.occurrence ?? 1); n++) {
    at = text.indexOf(item.snippet, at + 1);
    if (at < 0) throw new Error(`${file}: snippet not found: ${item.snippet.slice(0, 60)}`);
  }
  return [at, at + item.snippet.length];
}

function kindOf(item: DraftItem): 'person' | 'organization' | 'state' {
  const k = item.speaker_kind;
  return k === 'organization' || k === 'state' ? k : 'person';
}

function main(files: string[]): void {
  const corpusDir = path.join(sharedDir(), 'corpora', 'bbc-news-2004-2005');
  const out: BbcGoldArticle[] = [];
  for (const draftFile of files) {
    for (const a of JSON.parse(readFileSync(draftFile, 'utf8')) as DraftArticle[]) {
      const text = readBbcArticle(corpusDir, a.file);
      const label = (item: DraftItem) => {
        const [start, end] = locate(text, item, a.file);
        return {
          start,
          end,
          speaker: item.speaker,
          kind: kindOf(item),
          named: item.named ?? !item.speaker.startsWith('desc:'),
          country: item.country,
        };
      };
      out.push({
        file: a.file,
        split: bbcSplitOf(a.file),
        denials: (a.denials ?? []).map((d) => ({ ...label(d), explicit: d.explicit === true })),
        ...(a.statements
          ? {
              statements: a.statements.map((s) => ({
                ...label(s),
                politician: s.politician === true,
                denial: s.denial === true,
              })),
            }
          : {}),
      });
    }
  }
  out.sort((a, b) => a.file.localeCompare(b.file));
  writeFileSync(BBC_GOLD_FILE, `${JSON.stringify(out, null, 0).replace(/\},\{"file"/g, '},\n{"file"')}\n`);
  console.log(`${out.length} articles → ${BBC_GOLD_FILE}`);
}

main(process.argv.slice(2));

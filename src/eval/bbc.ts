/**
 * The BBC development set for denials, countries and speaker identities.
 *
 * 400 BBC News articles of 2004–05 (politics 001–320, business 001–080) were
 * read in full by annotators who labelled every denial with its speaker's
 * identity and country, and, in 50 of them (marked FULL), every statement
 * with speaker, country and whether the speaker is a politician or official.
 * The gold file holds offsets and labels only; the text is read from
 * ../shared. Articles whose number is a multiple of four are held out: they
 * are reported apart and were not looked at while tuning.
 *
 * Scoring runs the whole pipeline (loader, extraction, corpus-wide speaker
 * identities and countries) over the labelled categories, with the corpus's
 * home country set to GB, as a BBC corpus would be configured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseDocument, withId } from '../corpus/load.ts';
import { buildCorpus, type Corpus, type Extractor } from '../engine/corpus.ts';
import { nameKey } from '../identity/names.ts';
import type { CorpusDocument, Statement } from '../model.ts';

export const BBC_GOLD_FILE = fileURLToPath(new URL('./gold/bbc-dev.json', import.meta.url));
export const BBC_HOME_COUNTRY = 'GB';

const Label = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  speaker: z.string().min(1),
  kind: z.enum(['person', 'organization', 'state']),
  named: z.boolean(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
});
const GoldArticle = z.object({
  file: z.string(),
  split: z.enum(['tune', 'holdout']),
  denials: z.array(Label.extend({ explicit: z.boolean() })),
  statements: z.array(Label.extend({ politician: z.boolean(), denial: z.boolean() })).optional(),
});
export type BbcGoldArticle = z.infer<typeof GoldArticle>;
type GoldLabel = z.infer<typeof Label>;

/** Held out: articles numbered a multiple of four. */
export function bbcSplitOf(file: string): 'tune' | 'holdout' {
  const n = Number(/(\d+)\.txt$/.exec(file)?.[1] ?? '1');
  return n % 4 === 0 ? 'holdout' : 'tune';
}

/** An article as text: UTF-8, or Windows-1252 for the one file that is not. */
export function readBbcArticle(corpusDir: string, file: string): string {
  const bytes = readFileSync(path.join(corpusDir, file));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function loadBbcGold(): BbcGoldArticle[] {
  return z.array(GoldArticle).parse(JSON.parse(readFileSync(BBC_GOLD_FILE, 'utf8')));
}

/** The corpus of every article in the labelled categories, as the bot would build it. */
export function buildBbcCorpus(corpusDir: string, categories: string[], extract: Extractor): Corpus {
  const documents: CorpusDocument[] = [];
  for (const category of categories) {
    for (const name of readdirSync(path.join(corpusDir, category)).sort()) {
      if (!name.endsWith('.txt')) continue;
      const file = `${category}/${name}`;
      const text = readBbcArticle(corpusDir, file);
      const parsed = parseDocument(file, new TextEncoder().encode(text));
      if (!('reason' in parsed)) documents.push(withId(parsed, file.replace(/\.txt$/, '')));
    }
  }
  return buildCorpus({ documents, skipped: [] }, extract, new Date(), { homeCountry: BBC_HOME_COUNTRY });
}

/* ------------------------------------------------------------------ */
/* Scoring                                                             */

export interface Ratio {
  n: number;
  of: number;
}

export interface DenialFigures {
  gold: number;
  /** Gold denials some predicted denial overlaps. */
  found: number;
  /** … whose speaker's country is the gold one. */
  foundWithCountry: number;
  predicted: number;
  /** Predicted denials that overlap a gold denial. */
  correct: number;
  recall: number;
  precision: number;
  /** Recall counting only denials filed under the right country (what /deny shows). */
  countryRecall: number;
  byCountry: Record<string, { gold: number; found: number; predicted: number; correct: number }>;
  misses: string[];
  falseAlarms: string[];
  /** Found, but filed under another country (or none). */
  wrongCountry: string[];
  /** The denials the annotators marked explicit (denial wording), and how many were found. */
  explicit: { gold: number; found: number };
}

export interface StatementFigures {
  /** Gold statements by named politicians and officials. */
  gold: number;
  found: number;
  withCountry: number;
  rightCountry: number;
  /** Speaker identity right (same person) among found. */
  rightSpeaker: number;
  wrongCountries: string[];
}

export interface IdentityFigures {
  /** Gold people whose statements the system filed under more than one speaker id. */
  split: string[];
  people: number;
}

export interface BbcScore {
  split: 'tune' | 'holdout';
  articles: number;
  denials: DenialFigures;
  statements: StatementFigures;
  identities: IdentityFigures;
}

/** Two spans overlap by at least half of the shorter one. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

function surname(name: string): string {
  const keys = nameKey(name.replace(/^desc:\s*/, '')).split(' ');
  return keys[keys.length - 1] ?? '';
}

/** The predicted speaker is the gold one: the same name, or the same surname for people. */
function sameSpeaker(gold: GoldLabel, s: Statement): boolean {
  if (!gold.named)
    return s.speaker.kind === gold.kind || nameKey(s.speakerName).includes(surname(gold.speaker));
  if (nameKey(gold.speaker) === nameKey(s.speakerName)) return true;
  return gold.kind === 'person' && surname(gold.speaker) === surname(s.speakerName);
}

/**
 * A cue this close to its statement's words belongs to the same attribution
 * ("which the Tories deny", "Mr Blair directly denied Mr Brown made that
 * quote"); farther off (a quote continuing an earlier paragraph's speaker), it
 * does not.
 */
const CUE_REACH_CHARS = 200;

/**
 * What a statement covers for matching: its reported words and, when near,
 * its cue. Annotators marked a denial as the words that make it one, which for
 * a short object ("claims denied by Labour", "Europe, which disputes the
 * claim") is mostly the speaker and the cue.
 */
function extent(s: Statement): { start: number; end: number } {
  const cue = s.cue;
  if (!cue || cue.end < s.text.start - CUE_REACH_CHARS || cue.start > s.text.end + CUE_REACH_CHARS)
    return s.text;
  return { start: Math.min(s.text.start, cue.start), end: Math.max(s.text.end, cue.end) };
}

function bestMatch(
  gold: GoldLabel,
  candidates: readonly Statement[],
  span: (s: Statement) => { start: number; end: number } = (s) => s.text,
): Statement | undefined {
  const hits = candidates.filter((s) => overlaps(gold, span(s)));
  return (
    hits.find((s) => sameSpeaker(gold, s) && s.country === gold.country) ??
    hits.find((s) => sameSpeaker(gold, s)) ??
    hits[0]
  );
}

function line(doc: CorpusDocument, span: { start: number; end: number }): string {
  return doc.text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 160);
}

export function scoreBbc(
  corpus: Corpus,
  gold: readonly BbcGoldArticle[],
  split: 'tune' | 'holdout',
): BbcScore {
  const articles = gold.filter((a) => a.split === split);
  const byDoc = new Map<string, Statement[]>();
  for (const s of corpus.statements) {
    const list = byDoc.get(s.docId);
    if (list) list.push(s);
    else byDoc.set(s.docId, [s]);
  }
  const d: DenialFigures = {
    gold: 0,
    found: 0,
    foundWithCountry: 0,
    predicted: 0,
    correct: 0,
    recall: 0,
    precision: 0,
    countryRecall: 0,
    byCountry: {},
    misses: [],
    falseAlarms: [],
    wrongCountry: [],
    explicit: { gold: 0, found: 0 },
  };
  const country = (code: string | null) => {
    const key = code ?? 'none';
    d.byCountry[key] ??= { gold: 0, found: 0, predicted: 0, correct: 0 };
    return d.byCountry[key]!;
  };
  const st: StatementFigures = {
    gold: 0,
    found: 0,
    withCountry: 0,
    rightCountry: 0,
    rightSpeaker: 0,
    wrongCountries: [],
  };
  const idsByPerson = new Map<string, Set<string>>();
  const noteIdentity = (g: GoldLabel, s: Statement | undefined) => {
    if (!s || !g.named || g.kind !== 'person' || !sameSpeaker(g, s)) return;
    const key = nameKey(g.speaker);
    const ids = idsByPerson.get(key) ?? new Set<string>();
    ids.add(s.speakerId);
    idsByPerson.set(key, ids);
  };
  for (const a of articles) {
    const docId = a.file.replace(/\.txt$/, '');
    const doc = corpus.documentById.get(docId);
    if (!doc) throw new Error(`${a.file} is not in the corpus`);
    const statements = byDoc.get(docId) ?? [];
    const denials = statements.filter((s) => s.denial);
    for (const g of a.denials) {
      d.gold++;
      country(g.country).gold++;
      if (g.explicit) d.explicit.gold++;
      const m = bestMatch(g, denials, extent);
      if (m) {
        d.found++;
        if (g.explicit) d.explicit.found++;
        country(g.country).found++;
        if (m.country === g.country) d.foundWithCountry++;
        else
          d.wrongCountry.push(
            `${a.file} [${g.speaker}, ${g.country}] got ${m.country} (${m.speakerName}; ${m.countryEvidence})`,
          );
      } else {
        const seen = statements.filter((s) => overlaps(g, s.text));
        const why = seen.length
          ? `extracted, not flagged: ${seen.map((s) => `${s.kind} by ${s.speakerName}`).join('; ')}`
          : 'not extracted';
        d.misses.push(`${a.file} [${g.speaker}, ${g.country}] ${line(doc, g)}  <${why}>`);
      }
      noteIdentity(g, m);
    }
    for (const s of denials) {
      d.predicted++;
      country(s.country).predicted++;
      if (a.denials.some((g) => overlaps(g, extent(s)))) {
        d.correct++;
        country(s.country).correct++;
      } else d.falseAlarms.push(`${a.file} [${s.speakerName}, ${s.country}] ${line(doc, s.text)}`);
    }
    for (const g of a.statements ?? []) {
      const m = bestMatch(g, statements);
      noteIdentity(g, m);
      if (!g.politician || !g.named) continue;
      st.gold++;
      if (!m) continue;
      st.found++;
      if (sameSpeaker(g, m)) st.rightSpeaker++;
      if (m.country) st.withCountry++;
      if (m.country === g.country) st.rightCountry++;
      else
        st.wrongCountries.push(
          `${a.file} ${g.speaker} gold ${g.country} got ${m.country} (${m.speakerName}; ${m.countryEvidence})`,
        );
    }
  }
  d.recall = d.gold ? d.found / d.gold : 0;
  d.precision = d.predicted ? d.correct / d.predicted : 0;
  d.countryRecall = d.gold ? d.foundWithCountry / d.gold : 0;
  const split_ = [...idsByPerson]
    .filter(([, ids]) => ids.size > 1)
    .map(([p, ids]) => `${p}: ${[...ids].join(', ')}`);
  return {
    split,
    articles: articles.length,
    denials: d,
    statements: st,
    identities: { split: split_, people: idsByPerson.size },
  };
}

/**
 * A check that needs no gold: people the corpus files under a bare surname
 * although it also knows a full name ending with that surname. Each is a
 * person possibly split across names (two Browns left apart count too).
 */
export function surnameOnlySpeakers(corpus: Corpus): string[] {
  const full = new Set<string>();
  for (const sp of corpus.speakers.values()) {
    const keys = nameKey(sp.name).split(' ');
    if (sp.kind === 'person' && keys.length > 1) full.add(keys[keys.length - 1]!);
  }
  return [...corpus.speakers.values()]
    .filter(
      (sp) => sp.kind === 'person' && !sp.described && !sp.name.includes(' ') && full.has(nameKey(sp.name)),
    )
    .map((sp) => `${sp.name} (${sp.statementCount})`);
}

/**
 * The attribution engine: every statement in a text (direct quote, partial
 * quote or indirect speech) with its speaker, cue, offsets and whether it is
 * a denial.
 *
 * Pipeline, all linear in the text:
 *   paragraphs → quotes → tokens (quotes opaque) → sentences
 *   → frames (cue, speaker phrase, content regions) per sentence
 *   → raw statements, plus quotes that continue an earlier speaker
 *   → entity table (names, titles, countries; surnames, pronouns, descriptions)
 *   → statements with canonical speakers and denial flags.
 *
 * Kinds: "direct" is a quote set off as a sentence of its own; "partial" a
 * quoted fragment inside the speaker's sentence; "indirect" the reported
 * clause ("that …" without "that", or the clause before "…, she said"). A
 * clause that embeds quoted words yields both: the partial quote (the
 * speaker's verbatim words) and the indirect clause around it, which
 * overlap by design.
 */
import type { ExtractedStatement } from '../model.ts';
import { addContinuations, type Pending, unattributedQuotes } from './continuations.ts';
import { analyseDocument, type DocumentInfo } from './document.ts';
import { EntityTable } from './entities.ts';
import { statementsOfSentence } from './frame-statements.ts';
import { analyseSentence, type Frame } from './frames.ts';
import { toStatement } from './output.ts';
import type { RawStatement } from './raw-statement.ts';
import { lowerCaseWords, namedMentions, resolveSpeakers } from './speakers.ts';

export interface ExtractOptions {
  /** Offset where the body starts (after front matter); text before it is ignored. */
  bodyStart?: number;
}

export function extractStatements(text: string, options: ExtractOptions = {}): ExtractedStatement[] {
  const bodyStart = Math.max(0, Math.min(text.length, Math.floor(options.bodyStart ?? 0)));
  const doc = analyseDocument(text, bodyStart);
  const framesBySentence = doc.sentences.map((s) => analyseSentence(s));
  const raws = collectStatements(doc, framesBySentence);
  const table = new EntityTable();
  table.addAcronyms(doc.sentences);
  table.addNamedMentions(namedMentions(doc, framesBySentence));
  resolveSpeakers(raws, table, lowerCaseWords(doc));
  return raws
    .filter((r) => r.entity !== null)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((r) => toStatement(text, r));
}

/** Statements from every sentence's frames, then the quotes that continue them, in document order. */
function collectStatements(doc: DocumentInfo, framesBySentence: Frame[][]): RawStatement[] {
  const all: RawStatement[] = [];
  const pending: Pending[] = [];
  for (const s of doc.sentences) {
    const frames = framesBySentence[s.index]!;
    const { statements, claimed } = statementsOfSentence(doc.text, frames);
    all.push(...statements);
    pending.push(...unattributedQuotes(doc.text, s, frames, claimed));
  }
  all.sort((a, b) => a.start - b.start);
  addContinuations(doc, framesBySentence, all, pending);
  return all;
}

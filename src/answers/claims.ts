/**
 * Claims as answers: the claim a denial answers ("in reply to"), and the
 * claims made about a country with the denials that answer them (/claims).
 * The links themselves are src/claims/; this only turns them into plain,
 * cited answer objects. The claim is shown as its whole sentence, verbatim.
 */

import { type CorpusClaim, claimAnswered, claimsAbout } from '../claims/corpus.ts';
import { sentenceIndexAt } from '../corpus/segment.ts';
import { findCountry } from '../countries.ts';
import type { Corpus } from '../engine/corpus.ts';
import { parseQuery } from '../search/query.ts';
import { tokenTerms } from '../search/tokenize.ts';
import { citationFor } from './citation.ts';
import type { ClaimInfo, ClaimsAnswer, SpeakerInfo, StatementHit } from './types.ts';

/** How a statement at a position becomes an answer's hit (answer.ts's, so hits look the same everywhere). */
export type HitOf = (position: number) => StatementHit;
/** How a statement's speaker is described (answer.ts's). */
export type SpeakerOf = (position: number) => SpeakerInfo;

/** The claim's sentences, verbatim, cited: from the sentence it starts in to the one it ends in. */
export function claimInfo(corpus: Corpus, claim: CorpusClaim, speakerOf: SpeakerOf): ClaimInfo {
  const doc = corpus.documentById.get(claim.docId)!;
  const first = doc.sentences[sentenceIndexAt(doc.sentences, claim.start)]!;
  const last = doc.sentences[sentenceIndexAt(doc.sentences, claim.end - 1)]!;
  const start = first.start;
  const end = Math.max(last.end, first.end);
  return {
    text: doc.text.slice(start, end),
    claimant: claim.claimant,
    speaker: claim.statementPosition === null ? null : speakerOf(claim.statementPosition),
    citation: citationFor(doc, start, end),
  };
}

/**
 * The claim the denial at `position` answers, as an answer shows it, or
 * undefined. A claim stated in the denial's own sentence ("dismissed
 * allegations by Microsoft Corp that …") is shown as its own words only: the
 * sentence is already on screen.
 */
export function replyOf(corpus: Corpus, position: number, speakerOf: SpeakerOf): ClaimInfo | undefined {
  const claim = claimAnswered(corpus, position);
  if (!claim) return undefined;
  const info = claimInfo(corpus, claim, speakerOf);
  const denial = corpus.statements[position]!;
  if (!denial.sentenceIds.includes(info.citation.sentenceId)) return info;
  const doc = corpus.documentById.get(claim.docId)!;
  return {
    ...info,
    text: doc.text.slice(claim.start, claim.end),
    citation: citationFor(doc, claim.start, claim.end),
  };
}

/** Entries an answer lists unless asked for more. */
const DEFAULT_LIMIT = 10;

/**
 * Who made claims about a country and who of that country denied them:
 * answered claims first, then the rest, each in document order. A topic
 * keeps the claims whose sentence (or a denial of it) holds all its words.
 */
export function answerClaims(
  corpus: Corpus,
  input: string,
  options: { topic?: string | undefined; limit?: number | undefined },
  hitOf: HitOf,
  speakerOf: SpeakerOf,
): ClaimsAnswer {
  const country = findCountry(input);
  const base = { type: 'claims' as const, input, topic: options.topic };
  if (!country) return { ...base, country: null, entries: [], total: 0 };
  const terms = options.topic ? parseQuery(options.topic).terms : [];
  const seen = new Set<string>();
  const matching = claimsAbout(corpus, country.code).flatMap(({ claim, denials }) => {
    const info = claimInfo(corpus, claim, speakerOf);
    // One sentence can hold two claims (a statement and the reporter's words): shown once.
    const key = `${claim.docId}:${info.citation.start}`;
    if (seen.has(key)) return [];
    seen.add(key);
    if (terms.length) {
      const words = new Set(
        [info.text, ...denials.map((d) => corpus.statements[d]!.text.text)].flatMap((t) => tokenTerms(t)),
      );
      if (!terms.every((t) => words.has(t))) return [];
    }
    return [{ info, denials }];
  });
  const ordered = [...matching.filter((c) => c.denials.length), ...matching.filter((c) => !c.denials.length)];
  const entries = ordered.slice(0, options.limit ?? DEFAULT_LIMIT).map(({ info, denials }) => ({
    claim: info,
    denials: denials.map(hitOf),
  }));
  return { ...base, country, entries, total: ordered.length };
}

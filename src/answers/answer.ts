/**
 * The answer functions: one per request type, from a built corpus to a plain
 * answer object. They never paraphrase: every text they return is a slice of
 * a corpus file, with its citation.
 */
import { isExplicitDenial } from '../attribution/denial.ts';
import { corpusWarnings } from '../corpus/load.ts';
import { countryInfo, findCountry } from '../countries.ts';
import type { Corpus } from '../engine/corpus.ts';
import { speakerIdFor } from '../engine/corpus.ts';
import type { Speaker, Statement } from '../model.ts';
import { highlightRanges } from '../search/highlight.ts';
import { type ParsedQuery, parseQuery } from '../search/query.ts';
import type { TextHit } from '../search/text-index.ts';
import { citationFor } from './citation.ts';
import { answerClaims, replyOf, type SpeakerOf } from './claims.ts';
import { displayOf } from './display.ts';
import { type NameLookup, parseQuestion } from './question.ts';
import type { Catalog, Request } from './requests.ts';
import { answerDocuments } from './sources.ts';
import { suggestCountriesFor, suggestSpeakers } from './suggest.ts';
import type {
  Answer,
  ClaimsAnswer,
  CorpusAnswer,
  CountryInfo,
  DenyAnswer,
  QuestionReading,
  QuotesAnswer,
  ReloadReport,
  SearchAnswer,
  SentenceHit,
  SourceAnswer,
  SpeakerGroup,
  SpeakerInfo,
  StatementHit,
  WhoSaidAnswer,
} from './types.ts';

/**
 * Statements (who-said) and sentences (search) an answer lists unless asked
 * for more (`--limit`, up to 200): two Discord pages. Past the first ten,
 * matches are weak, and an answer of 25 quotes cost four times as much to
 * build, send and render (the slowest 1% of answers were all that size).
 */
const DEFAULT_LIMIT = 10;
/** How many closest sentences a "no match" answer shows. */
const CLOSEST = 3;

export function answer(corpus: Corpus, request: Request, lastReload: ReloadReport | null = null): Answer {
  switch (request.type) {
    case 'search':
      return answerSearch(corpus, request.query, request.limit);
    case 'who-said':
      return answerWhoSaid(corpus, request);
    case 'deny':
      return answerDeny(corpus, request.country, request.topic, request.limit);
    case 'quotes':
      return answerQuotes(corpus, request.speaker);
    case 'source':
      return answerSource(corpus, request.citation);
    case 'corpus':
      return answerCorpus(corpus, lastReload);
    case 'claims':
      return answerClaimsAbout(corpus, request.country, request.topic, request.limit);
    case 'documents':
      return answerDocuments(corpus, request.file);
  }
}

export function answerSearch(corpus: Corpus, query: string, limit = DEFAULT_LIMIT): SearchAnswer {
  const parsed = parseQuery(query);
  if (tooCommon(parsed)) return { type: 'search', query, hits: [], tooCommon: true };
  return { type: 'search', query, hits: searchSentences(corpus, parsed, limit) };
}

function searchSentences(corpus: Corpus, query: ParsedQuery, limit: number): SentenceHit[] {
  return corpus.sentenceIndex.search(query, { limit }).map((hit) => sentenceHit(corpus, query, hit));
}

function sentenceHit(corpus: Corpus, query: ParsedQuery, hit: TextHit): SentenceHit {
  const s = corpus.sentences[hit.id]!;
  const doc = corpus.documentById.get(s.docId)!;
  return {
    sentenceId: s.id,
    text: s.text,
    score: hit.score,
    terms: hit.terms,
    highlights: highlightsFor(s.text, query, hit),
    citation: citationFor(doc, s.start, s.end),
  };
}

/** Matched words in bold; a text holding the whole query as a phrase shows it as one run. */
function highlightsFor(text: string, query: ParsedQuery, hit: TextHit): [number, number][] {
  const phrases = hit.phrase ? [...query.phrases, query.sequence] : query.phrases;
  return highlightRanges(text, phrases, hit.terms);
}

export function answerWhoSaid(
  corpus: Corpus,
  request: {
    query: string;
    speaker?: string | undefined;
    country?: string | undefined;
    limit?: number | undefined;
  },
): WhoSaidAnswer {
  const limit = request.limit ?? DEFAULT_LIMIT;
  let speakerIds = request.speaker ? matchSpeakers(corpus, request.speaker) : null;
  let country = request.country ? findCountry(request.country) : null;
  const filters = { speaker: request.speaker, country: country?.code };
  const unknown = unknownFilters(corpus, request, speakerIds, country);
  const reading = unknown ? undefined : readQuestion(corpus, request);
  if (reading?.speakers) speakerIds = new Set(reading.speakers.map((s) => s.id));
  if (reading?.country) country = reading.country;
  const query = parseQuery(reading?.topic ?? request.query);
  const base = { type: 'who-said', query: request.query, filters, unknown, reading } as const;
  if (tooCommon(query)) return { ...base, groups: [], closest: [], tooCommon: true };
  const denials = reading?.denials === true;
  const hits = unknown
    ? []
    : corpus.statementIndex.search(query, {
        // Room for the reports that merge into one hit and the overlaps dropped.
        limit: limit * 4,
        filter: (id) => {
          const s = corpus.statements[id]!;
          return (
            (!speakerIds || speakerIds.has(s.speakerId)) &&
            (!country || s.country === country.code) &&
            (!denials || s.denial)
          );
        },
      });
  const picked = pickStatements(corpus, bestPass(hits), limit);
  const groups = groupBySpeaker(picked.map((p) => statementHit(corpus, p, query)));
  const closest = groups.length ? [] : searchSentences(corpus, query, CLOSEST);
  return { ...base, groups, closest };
}

/** Every word of the query is a stop word ("the", "what is the"): there is nothing to search for. */
function tooCommon(query: ParsedQuery): boolean {
  return query.terms.length === 0 && query.sequence.length > 0;
}

/** The filters that name no speaker or country, each with the nearest names ("did you mean"). */
function unknownFilters(
  corpus: Corpus,
  request: { speaker?: string | undefined; country?: string | undefined },
  speakerIds: ReadonlySet<string> | null,
  country: CountryInfo | null,
): WhoSaidAnswer['unknown'] {
  const speaker =
    request.speaker && !speakerIds?.size
      ? { input: request.speaker, suggestions: suggestSpeakers(corpus, request.speaker) }
      : undefined;
  const countries =
    request.country && !country
      ? {
          input: request.country,
          suggestions: suggestCountriesFor(corpus, request.country, 'statements'),
        }
      : undefined;
  return speaker || countries ? { speaker, country: countries } : undefined;
}

/**
 * The query read as a question about a speaker or a country ("what did Tony
 * Blair say about taxes"), unless a filter already says who: then the
 * words are searched as typed.
 */
function readQuestion(
  corpus: Corpus,
  request: { query: string; speaker?: string | undefined; country?: string | undefined },
): QuestionReading | undefined {
  const reading = parseQuestion(request.query, namesOf(corpus), (topic) => !tooCommon(parseQuery(topic)));
  if (!reading || (reading.speakers && request.speaker) || (reading.country && request.country))
    return undefined;
  return reading;
}

/** Who a question may name: the corpus's speakers (full names and surnames) and every country. */
function namesOf(corpus: Corpus): NameLookup {
  return { speakers: (words) => speakersNamed(corpus, words), country: findCountry };
}

/**
 * Speakers named by words a person wrote: a canonical full name, or a
 * person's surname (every person of the corpus with it, the most quoted
 * first). Stricter than `matchSpeakers`, which also takes any part of a
 * name: a question's words are not typed into a speaker field.
 */
export function speakersNamed(corpus: Corpus, words: string): Speaker[] {
  const id = speakerIdFor(words);
  if (!id) return [];
  const exact = corpus.speakers.get(id);
  if (exact) return exact.described ? [] : [exact];
  if (id.includes('-')) return [];
  const suffix = `-${id}`;
  const found: Speaker[] = [];
  for (const speaker of corpus.speakers.values()) {
    if (speaker.kind === 'person' && !speaker.described && speaker.id.endsWith(suffix)) found.push(speaker);
  }
  return found.sort(byStatementCount);
}

/**
 * Statements are claims attributed to people: when some match every word of
 * the query, statements matching only some words (or only with typos) would
 * put words in other speakers' mouths, so only the best pass is kept.
 * Sentence search, which cites the reporter's text, keeps every pass.
 */
function bestPass(hits: TextHit[]): TextHit[] {
  return hits.filter(inBestPass);
}

function inBestPass(hit: TextHit, _i: number, hits: readonly TextHit[]): boolean {
  return hit.pass === hits[0]!.pass;
}

/** A statement as an answer shows it: the best-ranked one, plus the same words reported elsewhere. */
interface Picked {
  id: number;
  hit: TextHit | null;
  /** The same statement in other documents (positions in `corpus.statements`), in rank order. */
  reports: number[];
}

/**
 * Chooses what an answer lists, in the order given (rank, or document order),
 * before any answer object is built (building costs; most candidates of a
 * search are not shown):
 *
 * - A statement overlapping one already taken from the same speaker in the
 *   same document is dropped: a partial quote and the reported clause around
 *   it are one thing said, and showing both repeats the speaker's words.
 * - The same words from the same speaker in several documents are one entry,
 *   "reported by N sources", cited once per source, at the best rank.
 *   (Statement ids are positions in `corpus.statements`, which are also the
 *   statement index's ids.)
 *
 * Stops taking new entries at `limit`, but still collects their reports.
 */
function pickStatements(
  corpus: Corpus,
  ranked: readonly (TextHit | number)[],
  limit = Number.POSITIVE_INFINITY,
): Picked[] {
  const taken = new Map<string, [number, number][]>();
  const picked: Picked[] = [];
  const byWords = new Map<number, Picked[]>();
  const index = corpus.statementIndex;
  for (const entry of ranked) {
    const id = typeof entry === 'number' ? entry : entry.id;
    const s = corpus.statements[id]!;
    const place = `${s.docId}\u0000${s.speakerId}`;
    const spans = taken.get(place) ?? [];
    if (spans.some(([start, end]) => s.text.start < end && start < s.text.end)) continue;
    const hash = index.wordsHash(id);
    const sameHash = byWords.get(hash) ?? [];
    const first = sameHash.find(
      (p) => corpus.statements[p.id]!.speakerId === s.speakerId && index.sameWords(p.id, id),
    );
    if (first) {
      // A repeat within one document (a headline and its body) is not another source.
      const docs = [first.id, ...first.reports].map((r) => corpus.statements[r]!.docId);
      if (!docs.includes(s.docId)) first.reports.push(id);
    } else if (picked.length < limit) {
      const entryPicked = { id, hit: typeof entry === 'number' ? null : entry, reports: [] };
      picked.push(entryPicked);
      sameHash.push(entryPicked);
      byWords.set(hash, sameHash);
    } else continue;
    spans.push([s.text.start, s.text.end]);
    taken.set(place, spans);
  }
  return picked;
}

function statementHit(corpus: Corpus, picked: Picked, query: ParsedQuery | null): StatementHit {
  const { hit } = picked;
  const statement = corpus.statements[picked.id]!;
  const text = statement.text.text;
  const cue = statement.cue?.text ?? null;
  const display = displayOf(statement, corpus.documentById.get(statement.docId)!);
  // Matched words are found in the content and shown in the display around it.
  const shift = statement.text.start - display.start;
  return {
    statementId: statement.id,
    kind: statement.kind,
    text,
    display,
    cue,
    denial: statement.denial,
    explicitDenial: statement.denial && isExplicitDenial(cue, text),
    score: hit?.score ?? 0,
    highlights:
      hit && query ? highlightsFor(text, query, hit).map(([s, e]) => [s + shift, e + shift] as const) : [],
    speaker: speakerInfo(corpus, statement),
    citations: [picked.id, ...picked.reports].map((id) => {
      const s = corpus.statements[id]!;
      return citationFor(corpus.documentById.get(s.docId)!, s.text.start, s.text.end);
    }),
  };
}

/** Groups in order of each speaker's best hit; hits keep their rank within a group. */
function groupBySpeaker(hits: StatementHit[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.speaker.id);
    if (group) group.statements.push(hit);
    else groups.set(hit.speaker.id, { speaker: hit.speaker, statements: [hit] });
  }
  return [...groups.values()];
}

function speakerInfo(corpus: Corpus, statement: Statement): SpeakerInfo {
  const agg = corpus.speakers.get(statement.speakerId);
  return {
    id: statement.speakerId,
    name: agg?.name ?? statement.speaker.name,
    title: statement.speaker.title ?? agg?.title ?? null,
    country: statement.country,
    countryEvidence: statement.countryEvidence,
    kind: statement.speaker.kind,
    described: statement.speaker.described === true,
  };
}

export function answerDeny(corpus: Corpus, input: string, topic?: string, limit = DEFAULT_LIMIT): DenyAnswer {
  const country = findCountry(input);
  if (!country) {
    const suggestions = suggestCountriesFor(corpus, input, 'denials');
    return { type: 'deny', input, country: null, topic, groups: [], total: 0, suggestions };
  }
  const query = topic ? parseQuery(topic) : null;
  if (query && tooCommon(query))
    return { type: 'deny', input, country, topic, groups: [], total: 0, tooCommon: true };
  // Without a topic, the country's list is already explicit denials first, then document order.
  const ranked = query
    ? bestPass(
        corpus.statementIndex.search(query, {
          limit: 200,
          filter: (id) => {
            const s = corpus.statements[id]!;
            return s.denial && s.country === country.code;
          },
        }),
      )
    : (corpus.denialsByCountry.get(country.code) ?? []);
  const hits = pickStatements(corpus, ranked, limit).map((p) => ({
    ...statementHit(corpus, p, query),
    inReplyTo: replyOf(corpus, p.id, speakerAt(corpus)),
  }));
  // Explicit denials first; a stable sort keeps rank (or document order) within each kind.
  const ordered = hits.sort((a, b) => Number(b.explicitDenial) - Number(a.explicitDenial));
  return { type: 'deny', input, country, topic, groups: groupBySpeaker(ordered), total: ranked.length };
}

/** The speaker of the statement at a position, as answers describe speakers. */
function speakerAt(corpus: Corpus): SpeakerOf {
  return (position) => speakerInfo(corpus, corpus.statements[position]!);
}

/** /claims: claims about a country with the denials answering them, hits built as every answer builds them. */
export function answerClaimsAbout(
  corpus: Corpus,
  input: string,
  topic?: string,
  limit?: number,
): ClaimsAnswer {
  const hitOf = (position: number) => statementHit(corpus, { id: position, hit: null, reports: [] }, null);
  return answerClaims(corpus, input, { topic, limit }, hitOf, speakerAt(corpus));
}

/** Speaker ids that a user's text names: an id, a full name or a surname. */
export function matchSpeakers(corpus: Corpus, input: string): Set<string> {
  const id = speakerIdFor(input);
  if (corpus.speakers.has(id)) return new Set([id]);
  const matches = new Set<string>();
  for (const speaker of corpus.speakers.values()) {
    // Any part of an id (a surname is one) is in it: no need to split the id into words.
    if (speaker.id.includes(id)) matches.add(speaker.id);
  }
  return matches;
}

export function answerQuotes(corpus: Corpus, input: string): QuotesAnswer {
  const ids = [...matchSpeakers(corpus, input)];
  // Several partial matches: the most quoted speaker is the likeliest meant.
  const speaker = ids.map((id) => corpus.speakers.get(id)!).sort(byStatementCount)[0];
  if (!speaker)
    return {
      type: 'quotes',
      input,
      speaker: null,
      statements: [],
      suggestions: suggestSpeakers(corpus, input),
    };
  const statements = pickStatements(corpus, corpus.statementsBySpeaker.get(speaker.id) ?? []).map((p) =>
    statementHit(corpus, p, null),
  );
  return { type: 'quotes', input, speaker: toSpeakerInfo(speaker), statements };
}

function byStatementCount(a: Speaker, b: Speaker): number {
  return b.statementCount - a.statementCount || a.name.localeCompare(b.name);
}

function toSpeakerInfo(s: Speaker): SpeakerInfo {
  return { id: s.id, name: s.name, title: s.title, country: s.country, kind: s.kind, described: s.described };
}

export function answerSource(corpus: Corpus, input: string): SourceAnswer {
  const sentence = corpus.sentenceById.get(input.trim());
  if (!sentence) return { type: 'source', input, context: null };
  const doc = corpus.documentById.get(sentence.docId)!;
  const sentences = doc.sentences
    .filter((s) => s.paragraph === sentence.paragraph)
    .map((s) => ({ id: s.id, text: s.text, cited: s.id === sentence.id }));
  return {
    type: 'source',
    input,
    context: { citation: citationFor(doc, sentence.start, sentence.end), sentences },
  };
}

export function answerCorpus(corpus: Corpus, lastReload: ReloadReport | null): CorpusAnswer {
  return {
    type: 'corpus',
    documents: corpus.documents.length,
    sentences: corpus.sentences.length,
    statements: corpus.statements.length,
    speakers: corpus.speakers.size,
    countries: catalogOf(corpus).countries,
    skipped: corpus.skipped,
    warnings: corpusWarnings(corpus.documents),
    loadedAt: corpus.loadedAt,
    lastReload,
  };
}

/** Countries and speakers present in the corpus, most quoted first: autocomplete's data. */
export function catalogOf(corpus: Corpus): Catalog {
  const countries = new Map<string, { statements: number; denials: number }>();
  for (const s of corpus.statements) {
    if (!s.country) continue;
    const c = countries.get(s.country) ?? { statements: 0, denials: 0 };
    c.statements++;
    if (s.denial) c.denials++;
    countries.set(s.country, c);
  }
  return {
    countries: [...countries]
      .flatMap(([code, counts]) => {
        const info = countryInfo(code);
        return info ? [{ ...info, ...counts }] : [];
      })
      .sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name)),
    // Descriptions ("a spokesman") are no one to look up by name.
    speakers: [...corpus.speakers.values()]
      .filter((s) => !s.described)
      .sort(byStatementCount)
      .map((s) => ({ ...toSpeakerInfo(s), statements: s.statementCount })),
  };
}

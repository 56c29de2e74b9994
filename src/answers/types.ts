/**
 * Answers are plain objects: everything a renderer needs, nothing about how
 * it is shown. Renderers (Discord, terminal) turn these into output; the
 * commands and the CLI only ever produce them through the answer functions.
 */
import type {
  CountryCode,
  CountryEvidence,
  FileWarning,
  SkippedFile,
  SpeakerKind,
  StatementKind,
} from '../model.ts';
import type { Display } from './display.ts';
import type { DocumentsAnswer, FeedsAnswer, SourceChangeAnswer, SourcesAnswer } from './sources.ts';

/** Where a quoted text comes from. Formatted in one place: `formatCitation`. */
export interface Citation {
  docId: string;
  file: string;
  title: string;
  publisher?: string | undefined;
  published?: string | undefined;
  url?: string | undefined;
  /** 1-based paragraph number. */
  paragraph: number;
  /** The sentence id (`<docId>:<p>.<s>`) the quote starts in: the `/source` key. */
  sentenceId: string;
  /** Offsets of the quoted text in the file: `file text.slice(start, end)`. */
  start: number;
  end: number;
}

/** [start, end) ranges inside a shown text to emphasise (matched words). */
export type Highlight = readonly [number, number];

export interface SentenceHit {
  sentenceId: string;
  text: string;
  score: number;
  /** Query terms that matched, as found in the text. */
  terms: string[];
  highlights: Highlight[];
  citation: Citation;
}

export interface SpeakerInfo {
  id: string;
  name: string;
  title: string | null;
  country: CountryCode | null;
  /** Where the country comes from, when it is known per statement (see CountryEvidence). */
  countryEvidence?: CountryEvidence | null | undefined;
  kind: SpeakerKind;
  /** Known only by a description ("a Kremlin spokesman"): shown as such, not as a name. */
  described?: boolean | undefined;
}

export interface StatementHit {
  statementId: string;
  kind: StatementKind;
  /** The verbatim words (direct/partial: inside the marks; indirect: the reported clause). */
  text: string;
  /**
   * What to show, verbatim, with its parts marked: a direct quote's words; for
   * reported speech and partial quotes, the sentence(s) holding the speaker,
   * the cue and the content (`displayOf`, src/answers/display.ts). `highlights`
   * are ranges of `display.text`.
   */
  display: Display;
  /** The cue as written ("said", "dismissed"), if any. */
  cue: string | null;
  denial: boolean;
  /** Explicit denial cue ("denied", "groundless") rather than an implicit dismissal. */
  explicitDenial: boolean;
  score: number;
  highlights: Highlight[];
  speaker: SpeakerInfo;
  /** One citation per source reporting the same words: "reported by N sources". */
  citations: Citation[];
  /** For a denial: the claim it answers, when its article states one (src/claims/). */
  inReplyTo?: ClaimInfo | undefined;
}

/**
 * A claim a denial answers, shown as its whole sentence, verbatim, with who
 * made it: the speaker when the claim is a statement, else the maker the
 * sentence names ("allegations by Microsoft Corp that …"), else no one.
 */
export interface ClaimInfo {
  text: string;
  /** The maker as the article writes it, or null when it does not say. */
  claimant: string | null;
  /** The maker as a speaker of the corpus, when the claim is one of their statements. */
  speaker: SpeakerInfo | null;
  citation: Citation;
}

/** /claims: claims made about a country, each with that country's denials that answer it. */
export interface ClaimsAnswer {
  type: 'claims';
  input: string;
  /** Null when the input names no known country. */
  country: CountryInfo | null;
  topic?: string | undefined;
  /** Answered claims first, then the rest; each in document order. */
  entries: { claim: ClaimInfo; denials: StatementHit[] }[];
  /** How many claims matched in all; `entries` shows the first `limit`. */
  total: number;
}

export interface SpeakerGroup {
  speaker: SpeakerInfo;
  statements: StatementHit[];
}

export interface SearchAnswer {
  type: 'search';
  query: string;
  hits: SentenceHit[];
  /** Every word of the query is too common to search for: nothing was searched. */
  tooCommon?: boolean | undefined;
}

export interface WhoSaidAnswer {
  type: 'who-said';
  query: string;
  filters: { speaker?: string | undefined; country?: CountryCode | undefined };
  /** Matching statements, best first, grouped by speaker in rank order. */
  groups: SpeakerGroup[];
  /** When `groups` is empty: the closest sentences, shown as such, never as an answer. */
  closest: SentenceHit[];
  /** Every word of the query is too common to search for ("the", "what is the"): nothing was searched. */
  tooCommon?: boolean | undefined;
  /**
   * The filters that name no speaker (or no country) whosaid knows: what was
   * typed, and the nearest names it does know ("did you mean"), best first.
   */
  unknown?:
    | {
        speaker?: { input: string; suggestions: string[] } | undefined;
        country?: { input: string; suggestions: CountryInfo[] } | undefined;
      }
    | undefined;
  /** How a plain question ("what did Tony Blair say about taxes") was read, when it was. */
  reading?: QuestionReading | undefined;
}

/**
 * A question read as a speaker (or country) and a topic: "what did Tony
 * Blair say about taxes" → speaker Tony Blair, topic “taxes”. Only readings
 * that name a speaker of the corpus or a known country are made.
 */
export interface QuestionReading {
  /** The speakers the question names (several when a surname is shared), by canonical name. */
  speakers?: { id: string; name: string }[] | undefined;
  country?: CountryInfo | undefined;
  topic: string;
  /** Only denials ("did Russia deny hacking"). */
  denials: boolean;
}

export interface CountryInfo {
  code: CountryCode;
  name: string;
  flag: string;
}

export interface DenyAnswer {
  type: 'deny';
  /** What the user typed. */
  input: string;
  /** Resolved country, or null when the input names no known country. */
  country: CountryInfo | null;
  topic?: string | undefined;
  /** Denials grouped by speaker; explicit denials first. Empty: "no denials". */
  groups: SpeakerGroup[];
  /** How many denials matched in all; the groups show the first `limit` of them. */
  total: number;
  /** When `country` is null: the nearest country names ("did you mean"), best first. */
  suggestions?: CountryInfo[] | undefined;
  /** Every word of the topic is too common to search for: nothing was searched. */
  tooCommon?: boolean | undefined;
}

export interface QuotesAnswer {
  type: 'quotes';
  input: string;
  /** Null when no speaker matches the input. */
  speaker: SpeakerInfo | null;
  /** Everything the speaker said, in document order. */
  statements: StatementHit[];
  /** When `speaker` is null: the nearest speaker names ("did you mean"), best first. */
  suggestions?: string[] | undefined;
}

export interface SourceAnswer {
  type: 'source';
  input: string;
  /** Null when the citation id is unknown. */
  context: {
    citation: Citation;
    /** The sentences of the paragraph, with the cited one marked. */
    sentences: { id: string; text: string; cited: boolean }[];
  } | null;
}

export interface CorpusAnswer {
  type: 'corpus';
  documents: number;
  sentences: number;
  statements: number;
  speakers: number;
  countries: (CountryInfo & { statements: number; denials: number })[];
  skipped: SkippedFile[];
  /** Files that loaded with something read around (an encoding fallback, an ignored key). */
  warnings?: FileWarning[];
  loadedAt: string;
  lastReload: ReloadReport | null;
}

export interface ReloadReport {
  ok: boolean;
  /** Why a failed reload failed; the old corpus keeps serving. */
  error?: string | undefined;
  startedAt: string;
  ms: number;
  added: string[];
  removed: string[];
  changed: string[];
  skipped: SkippedFile[];
  before: CorpusCounts;
  after: CorpusCounts;
}

export interface CorpusCounts {
  documents: number;
  sentences: number;
  statements: number;
  speakers: number;
}

export interface ReloadAnswer {
  type: 'reload';
  report: ReloadReport;
}

/** One command as /help lists it, read from the command module itself. */
export interface HelpCommand {
  name: string;
  description: string;
  /** The command's options in the order it declares them. */
  options: { name: string; description: string; required: boolean }[];
  /** One example: option values in the order the command declares them. */
  example: { option: string; value: string | boolean }[];
  /** `npm run ask` answers it too (every command but the bot's own, such as /reload). */
  offline: boolean;
}

export interface HelpAnswer {
  type: 'help';
  commands: HelpCommand[];
}

export type Answer =
  | SearchAnswer
  | WhoSaidAnswer
  | DenyAnswer
  | QuotesAnswer
  | SourceAnswer
  | CorpusAnswer
  | ReloadAnswer
  | HelpAnswer
  | ClaimsAnswer
  | DocumentsAnswer
  | SourcesAnswer
  | SourceChangeAnswer
  | FeedsAnswer;

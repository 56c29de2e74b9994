/**
 * Loading the lexicon: every table parsed against its schema, then checked
 * as a whole (duplicates, contradictions). Any problem stops the load with a
 * LexiconError that lists them all, each naming its table and line.
 */
import { contradictions } from './checks.ts';
import { LexiconError, parseTable, type RowOrigin } from './parse.ts';
import type {
  AbbreviationRow,
  CueFormRow,
  CueVerbRow,
  CueWordRow,
  DenialRow,
  GrammarRow,
  InstitutionRow,
  NameRow,
  PlaceRow,
  TableName,
  TitleRow,
} from './schemas.ts';
import { SHAPES } from './schemas.ts';
import { ABBREVIATIONS } from './tables/abbreviations.ts';
import { CUE_FORMS, CUE_VERBS, CUE_WORDS } from './tables/cues.ts';
import { DENIAL } from './tables/denial.ts';
import { GRAMMAR } from './tables/grammar.ts';
import { INSTITUTIONS } from './tables/institutions.ts';
import { NAMES } from './tables/names.ts';
import { PLACES } from './tables/places.ts';
import { TITLES } from './tables/titles.ts';

/** A row with the table and line it came from. */
export type Located<Row> = Row & RowOrigin;

export interface Lexicon {
  grammar: Located<GrammarRow>[];
  abbreviations: Located<AbbreviationRow>[];
  titles: Located<TitleRow>[];
  names: Located<NameRow>[];
  denial: Located<DenialRow>[];
  cueVerbs: Located<CueVerbRow>[];
  cueForms: Located<CueFormRow>[];
  cueWords: Located<CueWordRow>[];
  places: Located<PlaceRow>[];
  institutions: Located<InstitutionRow>[];
}

/** The text of every table, by table name. */
export type TableTexts = Record<TableName, string>;

/** The tables in src/lexicon/tables. */
export const TABLE_TEXTS: TableTexts = {
  grammar: GRAMMAR,
  abbreviations: ABBREVIATIONS,
  titles: TITLES,
  names: NAMES,
  denial: DENIAL,
  cueVerbs: CUE_VERBS,
  cueForms: CUE_FORMS,
  cueWords: CUE_WORDS,
  places: PLACES,
  institutions: INSTITUTIONS,
};

/** How problems name each table: its file and the constant that holds it. */
const LABELS: Record<TableName, string> = {
  grammar: 'tables/grammar.ts GRAMMAR',
  abbreviations: 'tables/abbreviations.ts ABBREVIATIONS',
  titles: 'tables/titles.ts TITLES',
  names: 'tables/names.ts NAMES',
  denial: 'tables/denial.ts DENIAL',
  cueVerbs: 'tables/cues.ts CUE_VERBS',
  cueForms: 'tables/cues.ts CUE_FORMS',
  cueWords: 'tables/cues.ts CUE_WORDS',
  places: 'tables/places.ts PLACES',
  institutions: 'tables/institutions.ts INSTITUTIONS',
};

/** Parses and checks every table; throws a LexiconError naming each problem's table and line. */
export function loadLexicon(texts: TableTexts = TABLE_TEXTS): Lexicon {
  const problems: string[] = [];
  const lexicon: Lexicon = {
    grammar: parseTable(LABELS.grammar, texts.grammar, SHAPES.grammar, problems),
    abbreviations: parseTable(LABELS.abbreviations, texts.abbreviations, SHAPES.abbreviations, problems),
    titles: parseTable(LABELS.titles, texts.titles, SHAPES.titles, problems),
    names: parseTable(LABELS.names, texts.names, SHAPES.names, problems),
    denial: parseTable(LABELS.denial, texts.denial, SHAPES.denial, problems),
    cueVerbs: parseTable(LABELS.cueVerbs, texts.cueVerbs, SHAPES.cueVerbs, problems),
    cueForms: parseTable(LABELS.cueForms, texts.cueForms, SHAPES.cueForms, problems),
    cueWords: parseTable(LABELS.cueWords, texts.cueWords, SHAPES.cueWords, problems),
    places: parseTable(LABELS.places, texts.places, SHAPES.places, problems),
    institutions: parseTable(LABELS.institutions, texts.institutions, SHAPES.institutions, problems),
  };
  problems.push(...contradictions(lexicon));
  if (problems.length > 0) throw new LexiconError(problems);
  return lexicon;
}

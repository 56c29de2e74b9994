/**
 * Speakers: every name mentioned outside quotes goes into the entity table
 * first, so each statement's speaker phrase then resolves to a canonical
 * entity (a name, a surname, a pronoun or a description) with a title.
 */
import {
  HONORIFICS,
  NON_NAME_OPENERS,
  OFFICIAL_WORDS,
  ORG_WORDS,
  PLURAL_PERSON_HEADS,
  SENTENCE_ADVERBS,
  SPEAKER_NOUNS,
  TITLE_WORDS,
} from '../lexicon/index.ts';
import type { DocumentInfo } from './document.ts';
import type { EntityTable } from './entities.ts';
import type { Entity, Mention } from './entity.ts';
import type { Frame, SentenceInfo } from './frames.ts';
import { tokensText } from './names.ts';
import { isSentenceOpener, type NounPhrase, phraseEndingAt, phraseStartingAt } from './phrases.ts';
import type { RawStatement } from './raw-statement.ts';
import { sentenceSubject } from './subjects.ts';
import type { Token } from './tokens.ts';

/** Every name outside quotes, plus each frame's speaker, for the entity table. */
export function namedMentions(doc: DocumentInfo, framesBySentence: Frame[][]): Mention[] {
  const mentions: Mention[] = [];
  const common = lowerCaseWords(doc);
  for (const s of doc.sentences) {
    const speakerStarts = new Set<number>();
    for (const f of framesBySentence[s.index]!) {
      for (const p of f.speakers) {
        if (isCommonWordOpener(p, s, common)) continue;
        speakerStarts.add(p.first);
        mentions.push({
          phrase: p,
          position: s.tokens[p.first]!.start,
          salient: true,
          sentence: s.index,
          speaker: true,
        });
      }
    }
    const subject = sentenceSubject(s, s.tokens.length);
    for (let j = s.floor; j < s.tokens.length; j++) {
      const t = s.tokens[j]!;
      const next = s.tokens[j + 1];
      if (t.type !== 'word' || !t.cap || (next && next.type === 'word' && next.cap)) continue;
      if (next && next.lower === "'s") continue;
      // "Arizona governor Jan Brewer", "Kremlin spokesman Dmitry Peskov": the phrase goes on.
      if (next && next.type === 'word' && isTitleWord(next) && s.tokens[j + 2]?.cap) continue;
      if (j === s.floor && isCommonOpener(t, next)) continue;
      const phrase = phraseEndingAt(s.tokens, j, s.floor);
      if (!phrase || phrase.kind === 'pronoun' || speakerStarts.has(phrase.first)) continue;
      if (isCommonWordOpener(phrase, s, common)) continue;
      if (
        phrase.first === s.floor &&
        phrase.name.length === 1 &&
        phrase.title.length === 0 &&
        !s.tokens[j + 1]
      )
        continue;
      const salient = subject !== null && subject.first === phrase.first;
      mentions.push({ phrase, position: s.tokens[phrase.first]!.start, salient, sentence: s.index });
    }
  }
  return mentions.sort((a, b) => a.position - b.position);
}

/** Every word the document writes in lower case somewhere (outside quotes too). */
export function lowerCaseWords(doc: DocumentInfo): Set<string> {
  const words = new Set<string>();
  for (const s of doc.sentences)
    for (const t of s.tokens) if (t.type === 'word' && !t.cap) words.add(t.lower);
  return words;
}

/**
 * "Research conducted by …", "Regulations designed to …", "Climate change
 * could …": one capitalised word opening a sentence, with no title, that the
 * same document also writes in lower case, or that the lexicon marks as never a
 * name, is a common noun, not a name.
 */
export function isCommonWordOpener(
  phrase: NounPhrase,
  s: SentenceInfo,
  common: ReadonlySet<string>,
): boolean {
  if (phrase.kind !== 'name' || phrase.name.length !== 1 || phrase.title.length > 0 || phrase.honorific)
    return false;
  if (phrase.first !== s.floor) return false;
  const word = phrase.name[0]!.lower;
  return common.has(word) || NON_NAME_OPENERS.has(word);
}

export function resolveSpeakers(
  raws: RawStatement[],
  table: EntityTable,
  common: ReadonlySet<string> = new Set(),
): void {
  raws.sort((a, b) => a.start - b.start);
  const resolved = new Map<NounPhrase, Entity | null>();
  for (const r of raws) {
    if (r.continues) {
      r.entity = r.continues.entity;
      r.title = r.continues.title;
      continue;
    }
    const phrase = r.phrase;
    if (!phrase) continue;
    if (!resolved.has(phrase))
      resolved.set(
        phrase,
        isCommonWordOpener(phrase, r.sentence, common)
          ? peopleOpener(phrase, r.sentence, table)
          : resolvePhrase(phrase, r.sentence, table),
      );
    r.entity = resolved.get(phrase) ?? null;
    r.title = titleFor(phrase, r.entity);
  }
  for (const r of raws) {
    if (r.continues && !r.entity) {
      r.entity = r.continues.entity;
      r.title = r.continues.title;
    }
  }
}

/**
 * "Ministers deny …", "Officials say …": a common noun opening the sentence
 * that names people in office (or a title) speaks as a description, never as
 * a name; other common nouns ("Research shows …") do not speak.
 */
function peopleOpener(phrase: NounPhrase, s: SentenceInfo, table: EntityTable): Entity | null {
  const word = phrase.name[0]!.lower;
  if (!OFFICIAL_WORDS.has(word) && !PLURAL_PERSON_HEADS.has(word) && !TITLE_WORDS.has(word)) return null;
  const description: NounPhrase = { ...phrase, kind: 'description', title: phrase.name, name: [] };
  return table.describedOnly(description, s.tokens[phrase.first]!.start);
}

function resolvePhrase(phrase: NounPhrase, s: SentenceInfo, table: EntityTable): Entity | null {
  const position = s.tokens[phrase.first]!.start;
  const mention: Mention = { phrase, position, salient: true, sentence: s.index, speaker: true };
  if (phrase.kind === 'pronoun') {
    const pronoun = phrase.tokens[0]!.lower;
    if (pronoun === 'i' || pronoun === 'we' || pronoun === 'you') return null;
    const e = table.resolvePronoun(pronoun, position);
    if (e) table.notePronoun(e, pronoun, position, true);
    return e;
  }
  const antecedent = relativeAntecedent(phrase, s);
  if (antecedent) return resolvePhrase(antecedent, s, table);
  if (phrase.kind === 'name') return table.entityForName(mention);
  const author = authorOf(phrase, s, table);
  if (author) return author;
  const named = table.entityForName(mention);
  if (named) return named;
  const described = table.resolveDescription(phrase, position);
  if (described) {
    table.note(described, mention);
    return described;
  }
  if (phrase.title.length === 0) return null;
  return table.describedOnly(phrase, position);
}

/**
 * "Ms Robinson, who presents The Weakest Link tells …": a phrase that is the
 * object of a verb in a relative clause left open is not the subject; the
 * name before ", who" is.
 */
function relativeAntecedent(phrase: NounPhrase, s: SentenceInfo): NounPhrase | null {
  const verb = s.tokens[phrase.first - 1];
  const who = s.tokens[phrase.first - 2];
  const comma = s.tokens[phrase.first - 3];
  if (verb?.type !== 'word' || verb.cap || who?.lower !== 'who' || comma?.text !== ',') return null;
  const antecedent = phraseEndingAt(s.tokens, phrase.first - 4, s.floor);
  return antecedent && antecedent.kind !== 'pronoun' ? antecedent : null;
}

/** Words that may stand between a participle and "by" ("carried out by", "drawn up by"). */
const PARTICLE = new Set(['out', 'up']);

/**
 * "Research conducted by the Pay Commission revealed …", "A study published by
 * the Home Office found …": a document or finding speaks for whoever produced
 * it, named after "by" right behind it.
 */
function authorOf(phrase: NounPhrase, s: SentenceInfo, table: EntityTable): Entity | null {
  const head = phrase.title[phrase.title.length - 1];
  if (!head) return null;
  const word = head.lower;
  const document = (SPEAKER_NOUNS.has(word) && !PLURAL_PERSON_HEADS.has(word)) || NON_NAME_OPENERS.has(word);
  if (!document) return null;
  let i = phrase.last + 1;
  const participle = s.tokens[i];
  if (participle?.type !== 'word' || participle.cap || !/(?:ed|en)$/.test(participle.lower)) return null;
  i++;
  if (PARTICLE.has(s.tokens[i]?.lower ?? '')) i++;
  if (s.tokens[i]?.lower !== 'by') return null;
  const agent = phraseStartingAt(s.tokens, i + 1);
  if (!agent || (agent.kind !== 'name' && !agent.title.every((t) => t.cap))) return null;
  const position = s.tokens[agent.first]!.start;
  return table.entityForName({ phrase: agent, position, salient: false, sentence: s.index, speaker: true });
}

function titleFor(phrase: NounPhrase, e: Entity | null): string | null {
  if (!e || e.kind === 'state') return null;
  // An organisation's title is a descriptor the text gives it ("the US corporation Microsoft").
  if (e.kind === 'organization') return e.titles[0] ?? null;
  const own = phrase.kind === 'name' ? phrase.title.filter((t) => !HONORIFICS.has(t.lower)) : [];
  if (own.length > 0) return tokensText(own);
  if (phrase.kind === 'description' && !e.descriptionOnly) return tokensText(phrase.title);
  return e.titles[0] ?? null;
}

/** "Asked about …", "Speaking …", "However": a sentence's first word, not a name. */
function isCommonOpener(t: Token, next: Token | undefined): boolean {
  if (SENTENCE_ADVERBS.has(t.lower) || HONORIFICS.has(t.lower) || isSentenceOpener(t, next)) return true;
  return next?.type === 'word' && !next.cap && ['to', 'the', 'a'].includes(next.lower);
}

function isTitleWord(t: Token): boolean {
  return !t.cap && (TITLE_WORDS.has(t.lower) || ORG_WORDS.has(t.lower));
}

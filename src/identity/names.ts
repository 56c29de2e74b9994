/**
 * One identity per person across the corpus.
 *
 * Extraction names a speaker the way one article does: "Tony Blair" in one,
 * "Blair" in another (an article that only ever says "Mr Blair"), "East
 * Midlands MEP Robert Kilroy-Silk" in a third. This module decides, over the
 * whole corpus, which of those names are the same person, by these rules (in
 * this order, tested in test/identity/names.test.ts):
 *
 * 1. Titles written in capitals before a name are not part of it: "MEP Robert
 *    Kilroy-Silk" and "Euro MP Robert Kilroy-Silk" are "Robert Kilroy-Silk".
 * 2. A full name with extra middle initials is the full name without them
 *    ("George W Bush" and "George Bush") when both first and last names agree.
 * 3. A lone surname joins the one full name in the corpus that ends with it
 *    ("Blair" → "Tony Blair").
 * 4. When several full names end with it (two Browns), the surname joins one
 *    only when the corpus makes it unambiguous: the statement's title agrees
 *    with the titles of exactly one of them ("Chancellor"), or, failing any
 *    title evidence, one of them says at least `DOMINANT_SHARE` of what all of
 *    them say. Otherwise it stays a separate, surname-only speaker.
 *
 * Only person names are merged; organisations and states keep their names.
 */
import { INSTITUTION_NAMES } from '../lexicon/index.ts';
import { foldName, foldToken } from '../text/fold.ts';
import { isNameTitle } from './titles.ts';

/** Share of the statements of all candidates one must have for a bare surname to join it. */
export const DOMINANT_SHARE = 0.8;

export interface NameUse {
  /** The name as extraction gives it. */
  name: string;
  kind: 'person' | 'organization' | 'state';
  /** Title words the statement gives its speaker ("Chancellor", "Tory leader"). */
  title: string | null;
  /** How many statements name the speaker so (default 1). */
  count?: number;
}

export interface Person {
  /** Display form ("Tony Blair"). */
  name: string;
  /** Folded tokens of the name. */
  keys: string[];
  statements: number;
  /** Folded title words seen with this person. */
  titleWords: Set<string>;
}

/**
 * A function remembered for the last `MEMO_SIZE` or so inputs. A corpus names
 * the same few thousand people in tens of thousands of statements, and every
 * build folds them all again: remembering makes that a lookup.
 */
const MEMO_SIZE = 50_000;
function remembered<T>(compute: (input: string) => T): (input: string) => T {
  const memo = new Map<string, T>();
  return (input) => {
    let value = memo.get(input);
    if (value === undefined) {
      if (memo.size >= MEMO_SIZE) memo.clear();
      value = compute(input);
      memo.set(input, value);
    }
    return value;
  };
}

/**
 * A name as identities compare it, word by word (src/text/fold.ts's foldToken):
 * "Mr. Côté" → "mr cote".
 */
export const nameKey = remembered((name) => name.split(/\s+/).filter(Boolean).map(foldToken).join(' '));

/** "East Midlands MEP Robert Kilroy-Silk" → "Robert Kilroy-Silk"; names without a title are unchanged. */
export const stripLeadingTitles = remembered(stripTitles);

function stripTitles(name: string): string {
  const tokens = name.split(/\s+/).filter(Boolean);
  const last = tokens.findLastIndex(isNameTitle);
  // What follows the last title is the name ("Prime Minister Blair" → "Blair"); a title at the
  // end is no prefix ("Martin Luther King" stays whole).
  const rest = tokens.slice(last + 1);
  return last < 0 || rest.length === 0 ? name : rest.join(' ');
}

function tokensOf(name: string): string[] {
  return nameKey(name).split(' ').filter(Boolean);
}

function isInitial(key: string): boolean {
  return /^\p{L}\.?$/u.test(key);
}

/** Title words worth comparing: folded, without filler. The array is shared: read it, never change it. */
export function titleWordsOf(title: string | null): readonly string[] {
  return title ? titleWords(title) : [];
}

const titleWords = remembered((title) =>
  tokensOf(title).filter((w) => w.length > 2 && !['the', 'and', 'for', 'former'].includes(w)),
);

/**
 * Maps every name used in the corpus to its canonical display name. Names
 * that are not persons map to themselves (after title stripping for none).
 */
export function canonicalNames(uses: readonly NameUse[]): Map<string, string> {
  const people = collectPeople(uses);
  const fullNames = [...people.values()].filter((p) => p.keys.length > 1);
  const withoutInitials = mergeMiddleInitials(fullNames);
  // "George W Bush" counts as "George Bush": one candidate for "Bush", not two.
  for (const [variant, plain] of withoutInitials) {
    plain.statements += variant.statements;
    for (const w of variant.titleWords) plain.titleWords.add(w);
  }
  const bySurname = new Map<string, Person[]>();
  for (const p of fullNames) {
    if (withoutInitials.has(p)) continue;
    const surname = p.keys[p.keys.length - 1]!;
    const list = bySurname.get(surname);
    if (list) list.push(p);
    else bySurname.set(surname, [p]);
  }
  const canonical = new Map<string, string>();
  for (const use of uses) {
    if (canonical.has(keyOfUse(use))) continue;
    canonical.set(keyOfUse(use), canonicalFor(use, people, bySurname, withoutInitials));
  }
  return canonical;
}

/** The key `canonicalNames` files a use under: kind and folded name. */
export function keyOfUse(use: Pick<NameUse, 'name' | 'kind'>): string {
  return `${use.kind}:${nameKey(use.name)}`;
}

function collectPeople(uses: readonly NameUse[]): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const use of uses) {
    if (use.kind !== 'person') continue;
    const name = stripLeadingTitles(use.name);
    const keys = tokensOf(name);
    if (keys.length === 0) continue;
    const key = keys.join(' ');
    let p = people.get(key);
    if (!p) {
      p = { name, keys, statements: 0, titleWords: new Set() };
      people.set(key, p);
    }
    p.statements += use.count ?? 1;
    for (const w of titleWordsOf(use.title)) p.titleWords.add(w);
  }
  return people;
}

/** "the Tories", "Conservatives" → "Conservative Party": an institution's one name (lexicon), else as written. */
function institutionName(name: string): string {
  // The lexicon keys institutions by src/text/fold.ts's foldName.
  const key = foldName(name).replace(/^the /, '');
  return INSTITUTION_NAMES.get(key)?.name ?? name;
}

/** "George W Bush" → the person "George Bush", when the corpus has both. */
function mergeMiddleInitials(fullNames: readonly Person[]): Map<Person, Person> {
  const byEnds = new Map<string, Person>();
  for (const p of fullNames) {
    if (p.keys.length === 2) byEnds.set(p.keys.join(' '), p);
  }
  const merged = new Map<Person, Person>();
  for (const p of fullNames) {
    if (p.keys.length < 3 || !p.keys.slice(1, -1).every(isInitial)) continue;
    const plain = byEnds.get(`${p.keys[0]} ${p.keys[p.keys.length - 1]}`);
    if (plain) merged.set(p, plain);
  }
  return merged;
}

function canonicalFor(
  use: NameUse,
  people: Map<string, Person>,
  bySurname: Map<string, Person[]>,
  withoutInitials: Map<Person, Person>,
): string {
  if (use.kind !== 'person') return institutionName(use.name);
  const name = stripLeadingTitles(use.name);
  const keys = tokensOf(name);
  const self = people.get(keys.join(' '));
  if (!self) return name;
  if (keys.length > 1) return (withoutInitials.get(self) ?? self).name;
  const candidates = bySurname.get(keys[0]!) ?? [];
  const chosen = pickCandidate(candidates, titleWordsOf(use.title));
  return chosen ? (withoutInitials.get(chosen) ?? chosen).name : name;
}

/** The full name a bare surname stands for, or null when the corpus leaves it ambiguous. */
function pickCandidate(candidates: readonly Person[], titleWords: readonly string[]): Person | null {
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return candidates[0]!;
  if (titleWords.length > 0) {
    const agreeing = candidates.filter((p) => titleWords.some((w) => p.titleWords.has(w)));
    if (agreeing.length === 1) return agreeing[0]!;
    if (agreeing.length > 1) return null;
  }
  const total = candidates.reduce((n, p) => n + p.statements, 0);
  const top = [...candidates].sort((a, b) => b.statements - a.statements)[0]!;
  return top.statements >= DOMINANT_SHARE * total ? top : null;
}

/**
 * Checks across rows and tables that a row's schema alone cannot make:
 * a word listed twice, a cue form two verbs claim, a name with two
 * countries, a word whose classes contradict each other. Each problem names
 * the table and line of the row at fault.
 */
import { foldName } from '../text/fold.ts';
import { formsOf } from './inflect.ts';
import type { Lexicon, Located } from './load.ts';
import { problemAt, type RowOrigin } from './parse.ts';
import type { CueVerbRow, DenialClass } from './schemas.ts';

export function contradictions(lexicon: Lexicon): string[] {
  return [
    ...duplicates(lexicon.grammar, (r) => r.form),
    ...duplicates(lexicon.abbreviations, (r) => r.form),
    ...duplicates(lexicon.titles, (r) => r.form),
    ...duplicates(lexicon.names, (r) => r.name),
    ...duplicates(lexicon.denial, (r) => r.form),
    ...duplicates(lexicon.cueVerbs, (r) => r.lemma),
    ...duplicates(lexicon.cueForms, (r) => r.form),
    ...duplicates(lexicon.cueWords, (r) => r.form),
    ...countryNames(lexicon),
    ...placeWords(lexicon),
    ...noCountryNames(lexicon),
    ...genderedTitles(lexicon),
    ...cueForms(lexicon),
    ...dismissalsAreDenials(lexicon),
    ...denialWords(lexicon),
    ...canonicalNames(lexicon),
  ];
}

/** A row's canonical name is a row of its own, of the same country ("Tories" → "Conservative Party"). */
function canonicalNames(lexicon: Lexicon): string[] {
  const byName = new Map(lexicon.institutions.map((r) => [nameKey(r.name), r]));
  const problems: string[] = [];
  for (const row of lexicon.institutions) {
    if (!row.canonical) continue;
    const target = byName.get(nameKey(row.canonical));
    if (!target) problems.push(problemAt(row, `canonical name "${row.canonical}" has no row of its own`));
    else if (target.country !== row.country)
      problems.push(
        problemAt(row, `canonical name "${row.canonical}" is ${target.country}'s, not ${row.country}'s`),
      );
    else if (target.canonical)
      problems.push(problemAt(row, `canonical name "${row.canonical}" has a canonical name itself`));
  }
  return problems;
}

/** Rows of one table whose key an earlier row already has: the later row would be ignored or contradict. */
function duplicates<Row extends RowOrigin>(rows: readonly Row[], key: (row: Row) => string): string[] {
  const first = new Map<string, Row>();
  const problems: string[] = [];
  for (const row of rows) {
    const earlier = first.get(key(row));
    if (earlier) {
      problems.push(problemAt(row, `"${key(row)}" is already on line ${earlier.line}: one row per entry`));
    } else first.set(key(row), row);
  }
  return problems;
}

/** How the country matcher compares names: "Élysée" and "Elysee" are one name. */
function nameKey(name: string): string {
  return foldName(name).replace(/\s+/g, ' ');
}

/**
 * Names of countries, demonyms and institutions feed one matcher: each may
 * appear once, with one country, and never as an ambiguous name (those are
 * never matched on their own).
 */
function countryNames(lexicon: Lexicon): string[] {
  const problems: string[] = [];
  const ambiguous = new Set(
    lexicon.places.filter((r) => r.classes.includes('ambiguous')).map((r) => nameKey(r.name)),
  );
  const named = [
    ...lexicon.institutions,
    ...lexicon.places.filter((r) => r.country !== undefined && !r.classes.includes('ambiguous')),
  ];
  const first = new Map<string, (typeof named)[number]>();
  for (const row of named) {
    const key = nameKey(row.name);
    const earlier = first.get(key);
    if (earlier && earlier.country !== row.country) {
      const where = `${earlier.table} line ${earlier.line}`;
      problems.push(
        problemAt(
          row,
          `"${row.name}" has two countries: ${row.country} here, ${earlier.country} on ${where}`,
        ),
      );
    } else if (earlier) {
      problems.push(problemAt(row, `"${row.name}" is already on ${earlier.table} line ${earlier.line}`));
    } else first.set(key, row);
    if (ambiguous.has(key)) {
      problems.push(
        problemAt(row, `"${row.name}" is also listed as ambiguous in places, so it would never match`),
      );
    }
  }
  return problems;
}

/**
 * A name with no country blocks every country name inside it, so it must not
 * lie inside (or be) a name that has one: "Labour Minister" is fine, "Labour
 * Party" would hide the party.
 */
function noCountryNames(lexicon: Lexicon): string[] {
  const named = [...lexicon.institutions, ...lexicon.places.filter((r) => r.country !== undefined)];
  const problems: string[] = [];
  for (const row of lexicon.places.filter((r) => r.classes.includes('no-country'))) {
    const inside = named.find((n) => ` ${nameKey(n.name)} `.includes(` ${nameKey(row.name)} `));
    if (inside) {
      problems.push(
        problemAt(
          row,
          `"${row.name}" has no country but lies inside "${inside.name}" (${inside.table} line ${inside.line})`,
        ),
      );
    }
  }
  return problems;
}

/** Place words are compared one token at a time: a place row is a single word. */
function placeWords(lexicon: Lexicon): string[] {
  return lexicon.places
    .filter((r) => r.classes.includes('place') && /\s/.test(r.name))
    .map((r) => problemAt(r, 'a place word is one word ("Hampshire", not "New Hampshire")'));
}

function genderedTitles(lexicon: Lexicon): string[] {
  return lexicon.titles
    .filter((r) => r.classes.includes('male') && r.classes.includes('female'))
    .map((r) => problemAt(r, 'a word cannot be both male and female'));
}

/** Each cue form belongs to one verb (so to one class); a form row names a form that some verb has. */
function cueForms(lexicon: Lexicon): string[] {
  const problems: string[] = [];
  const owner = cueFormOwners(lexicon.cueVerbs, problems);
  for (const row of lexicon.cueForms) {
    if (!owner.has(row.form)) problems.push(problemAt(row, `"${row.form}" is not a form of any cue verb`));
  }
  return problems;
}

/** Cue form → the verb it belongs to; a form two verbs claim is a problem. */
function cueFormOwners(
  verbs: readonly Located<CueVerbRow>[],
  problems: string[],
): Map<string, Located<CueVerbRow>> {
  const owner = new Map<string, Located<CueVerbRow>>();
  for (const verb of verbs) {
    for (const form of new Set(formsOf(verb))) {
      const other = owner.get(form);
      if (!other) owner.set(form, verb);
      else if (other.lemma !== verb.lemma) {
        const classes = other.class === verb.class ? '' : ` (${other.class}, here ${verb.class})`;
        problems.push(
          problemAt(verb, `"${form}" is already a form of "${other.lemma}" on line ${other.line}${classes}`),
        );
      }
    }
  }
  return owner;
}

function dismissalsAreDenials(lexicon: Lexicon): string[] {
  return lexicon.cueVerbs
    .filter((r) => r.flags.includes('dismissal') && r.class !== 'denial')
    .map((r) => problemAt(r, `only a denial verb can be a dismissal, not a ${r.class} verb`));
}

/** Words that deny outright, or only of a claim, or call a claim false. */
const DENYING: readonly DenialClass[] = ['strong', 'weak', 'falsehood'];
/** What a denial is aimed at: a refusal object ("denied them entry") cannot also be one. */
const DENIED: readonly DenialClass[] = ['claim', 'strong-claim', 'accusation', 'criticism'];

/**
 * Denial classes that contradict each other or the cue verbs: a word is a
 * strong or a weak denial, not both; a refusal object is not also what one
 * denies; a denying word is not a speech or naming verb; a form of "deny" is
 * a form of a denial verb.
 */
function denialWords(lexicon: Lexicon): string[] {
  const owner = cueFormOwners(lexicon.cueVerbs, []);
  const problems: string[] = [];
  for (const row of lexicon.denial) {
    const has = (c: DenialClass) => row.classes.includes(c);
    if (has('strong') && has('weak'))
      problems.push(problemAt(row, 'a word is a strong or a weak denial, not both'));
    const aim = DENIED.find(has);
    if (has('refusal-object') && aim) {
      problems.push(problemAt(row, `a refusal object ("denied them entry") cannot also be a ${aim}`));
    }
    const verb = owner.get(row.form);
    if (verb && verb.class !== 'denial' && DENYING.some(has)) {
      problems.push(
        problemAt(row, `"${row.form}" denies, but cue verbs list it as ${verb.class} ("${verb.lemma}")`),
      );
    }
    if (has('deny-form') && verb?.class !== 'denial') {
      problems.push(problemAt(row, `"${row.form}" is a deny-form but not a form of a denial verb`));
    }
  }
  return problems;
}

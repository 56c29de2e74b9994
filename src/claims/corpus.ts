/**
 * Claim–denial links over a built corpus, worked out per article the first
 * time an answer needs them and kept for as long as that corpus serves (a
 * reload builds a new corpus object, and its links start afresh).
 */
import type { Corpus } from '../engine/corpus.ts';
import type { CountryCode } from '../model.ts';
import { type Claim, type Link, linkArticle } from './link.ts';

interface ArticleLinks {
  claims: readonly Claim[];
  /** Positions in `corpus.statements` of the article's statements, in order. */
  positions: number[];
  /** Index among the article's statements → the claim that denial answers. */
  links: Map<number, Link>;
}

interface CorpusLinks {
  /** Positions in `corpus.statements`, by document id. */
  byDoc: Map<string, number[]>;
  articles: Map<string, ArticleLinks>;
}

const cache = new WeakMap<Corpus, CorpusLinks>();

function linksOf(corpus: Corpus): CorpusLinks {
  let links = cache.get(corpus);
  if (!links) {
    const byDoc = new Map<string, number[]>();
    corpus.statements.forEach((s, i) => {
      const list = byDoc.get(s.docId);
      if (list) list.push(i);
      else byDoc.set(s.docId, [i]);
    });
    links = { byDoc, articles: new Map() };
    cache.set(corpus, links);
  }
  return links;
}

function article(corpus: Corpus, docId: string): ArticleLinks {
  const all = linksOf(corpus);
  let found = all.articles.get(docId);
  if (!found) {
    const positions = all.byDoc.get(docId) ?? [];
    const doc = corpus.documentById.get(docId)!;
    const linked = linkArticle(
      doc,
      positions.map((p) => corpus.statements[p]!),
    );
    found = { ...linked, positions };
    all.articles.set(docId, found);
  }
  return found;
}

/** A claim placed in the corpus: its article and, for a statement, its position in `corpus.statements`. */
export interface CorpusClaim extends Claim {
  docId: string;
  /** Position in `corpus.statements` when the claim is a statement. */
  statementPosition: number | null;
}

function placed(docId: string, a: ArticleLinks, claim: Claim): CorpusClaim {
  return {
    ...claim,
    docId,
    statementPosition: claim.statement === null ? null : a.positions[claim.statement]!,
  };
}

/** The claim the denial at `position` in `corpus.statements` answers, or null. */
export function claimAnswered(corpus: Corpus, position: number): CorpusClaim | null {
  const denial = corpus.statements[position]!;
  if (!denial.denial) return null;
  const a = article(corpus, denial.docId);
  const link = a.links.get(a.positions.indexOf(position));
  return link ? placed(denial.docId, a, link.claim) : null;
}

/** A claim about a country, with the denials that answer it (positions in `corpus.statements`). */
export interface ClaimWithDenials {
  claim: CorpusClaim;
  denials: number[];
}

/**
 * Claims that name a country, made by someone not known to be of that
 * country, each with that country's denials that answer it; in document order. The
 * reporter's own sentences count only when they say whose claim it is or a
 * denial answers them. Links every article the first time (then cached).
 */
export function claimsAbout(corpus: Corpus, country: CountryCode): ClaimWithDenials[] {
  const out: ClaimWithDenials[] = [];
  for (const doc of corpus.documents) {
    const a = article(corpus, doc.id);
    const answered = new Map<Claim, number[]>();
    for (const [index, link] of a.links) {
      if (corpus.statements[a.positions[index]!]!.country !== country) continue;
      answered.set(link.claim, [...(answered.get(link.claim) ?? []), a.positions[index]!]);
    }
    for (const claim of a.claims) {
      if (!claim.countries.includes(country) || claim.claimantCountry === country) continue;
      if (claim.statement === null && !claim.claimant && !answered.has(claim)) continue;
      out.push({ claim: placed(doc.id, a, claim), denials: answered.get(claim) ?? [] });
    }
  }
  return out;
}

/** How long one background step may link articles before it yields to answers, in ms. */
const BACKGROUND_SLICE_MS = 2;

/**
 * Links the articles that hold denials ahead of time, a couple of
 * milliseconds at a time between answers, so the first `/deny` showing an
 * article's denials does not pay for linking it (about 0.8 ms an article;
 * ten new ones made the slowest 1% of `/deny` answers 1 ms slower). The
 * timers are unref'd: they never keep a process (the CLI) alive.
 */
export function linkInBackground(corpus: Corpus): void {
  let docIds: string[] | null = null;
  let next = 0;
  const step = () => {
    docIds ??= [
      ...new Set([...corpus.denialsByCountry.values()].flat().map((p) => corpus.statements[p]!.docId)),
    ];
    const until = performance.now() + BACKGROUND_SLICE_MS;
    while (next < docIds.length && performance.now() < until) article(corpus, docIds[next++]!);
    if (next < docIds.length) setTimeout(step, 0).unref();
  };
  setTimeout(step, 0).unref();
}

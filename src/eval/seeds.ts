/**
 * Seed scoring against the hand-made gold list (`eval/seed-gold.json`).
 *
 * A gold entry is found when a statement overlaps its words (the quote for
 * quotes, the reported content otherwise) by at least half of the shorter of
 * the two. The best such statement (right speaker first, then right kind)
 * decides speaker, country and denial. A statement that overlaps no gold
 * entry, optional ones included, is an extra: a false statement. Optional
 * entries are neither rewarded nor penalised.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtractedStatement } from '../model.ts';
import { foldName } from '../text/fold.ts';

export interface SeedGold {
  id: string;
  doc: string;
  statement_type: string;
  quote: string | null;
  content: string | null;
  speaker: string;
  speaker_aliases: string[];
  speaker_country: string | null;
  is_denial: boolean;
  optional: boolean;
}

export interface SeedResult {
  id: string;
  found: boolean;
  speaker: boolean;
  country: boolean;
  denial: boolean;
  got: string;
}

export interface SeedScore {
  required: number;
  found: number;
  speaker: number;
  country: number;
  denial: number;
  extras: number;
  statements: number;
  results: SeedResult[];
  extraTexts: string[];
}

type Extract = (text: string) => ExtractedStatement[];

export function loadSeedGold(shared: string): SeedGold[] {
  return JSON.parse(readFileSync(path.join(shared, 'eval', 'seed-gold.json'), 'utf8')) as SeedGold[];
}

const norm = foldName;

function goldSpan(text: string, g: SeedGold): { start: number; end: number } | null {
  const words = g.quote ?? g.content;
  if (!words) return null;
  const start = text.indexOf(words);
  return start < 0 ? null : { start, end: start + words.length };
}

function overlaps(s: ExtractedStatement, span: { start: number; end: number }): boolean {
  const o = Math.min(s.text.end, span.end) - Math.max(s.text.start, span.start);
  const shorter = Math.min(s.text.end - s.text.start, span.end - span.start);
  return o > 0 && o >= shorter / 2;
}

function kindMatches(s: ExtractedStatement, g: SeedGold): boolean {
  if (g.statement_type === 'direct') return s.kind === 'direct';
  if (g.statement_type === 'partial_quote') return s.kind === 'partial';
  return s.kind === 'indirect';
}

export function scoreSeeds(shared: string, extract: Extract): SeedScore {
  const gold = loadSeedGold(shared);
  const score: SeedScore = {
    required: 0,
    found: 0,
    speaker: 0,
    country: 0,
    denial: 0,
    extras: 0,
    statements: 0,
    results: [],
    extraTexts: [],
  };
  for (const doc of [...new Set(gold.map((g) => g.doc))]) {
    const text = readFileSync(path.join(shared, 'seeds', doc), 'utf8');
    const statements = extract(text);
    score.statements += statements.length;
    const entries = gold.filter((g) => g.doc === doc);
    const used = new Map<ExtractedStatement, number>();
    for (const g of entries) {
      const span = goldSpan(text, g);
      const names = new Set([g.speaker, ...g.speaker_aliases].map(norm));
      const candidates = span ? statements.filter((s) => overlaps(s, span)) : [];
      for (const c of candidates) used.set(c, (used.get(c) ?? 0) + 1);
      if (g.optional) continue;
      const rightSpeaker = candidates.filter((s) => names.has(norm(s.speaker.name)));
      const best = rightSpeaker.find((s) => kindMatches(s, g)) ?? rightSpeaker[0] ?? candidates[0];
      const result: SeedResult = {
        id: g.id,
        found: !!best,
        speaker: !!best && names.has(norm(best.speaker.name)),
        country: !!best && best.speaker.country === g.speaker_country,
        denial: !!best && best.denial === g.is_denial,
        got: best ? `${best.kind} ${best.speaker.name} (${best.speaker.country}) denial=${best.denial}` : '—',
      };
      score.required++;
      score.found += Number(result.found);
      score.speaker += Number(result.speaker);
      score.country += Number(result.country);
      score.denial += Number(result.denial);
      score.results.push(result);
    }
    for (const s of statements) {
      if (!used.has(s)) {
        score.extras++;
        score.extraTexts.push(`${doc}: ${s.kind} by ${s.speaker.name}: ${s.text.text}`);
      }
    }
  }
  return score;
}

/**
 * PolNeAR scoring, as issue 3 defines it.
 *
 * - Direct quotes: gold relations whose Content holds a quote mark.
 * - Recall: a gold Content (each piece trimmed of quote marks, spaces and edge
 *   punctuation; the union of its pieces) is found when the statements cover
 *   at least 80% of its characters.
 * - Precision: a predicted direct or partial statement is correct when at
 *   least half of it lies inside some gold Content.
 * - Speaker accuracy: over found relations that have a Source, the statement
 *   covering most of the Content has a `speaker.mention` overlapping the
 *   Source.
 * - Indirect speech: relations without quote marks whose Cue is a speech
 *   verb; same recall and speaker rules; precision over indirect statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtractedStatement } from '../model.ts';
import { type Piece, parseAnn, piecesText, type Relation } from './brat.ts';
import { isSpeechCue } from './speech.ts';

export interface PolnearDoc {
  name: string;
  text: string;
  relations: Relation[];
}

/** Articles of a split, each with its first .ann file in sorted order. */
export function loadPolnear(dir: string): PolnearDoc[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const firstAnn = new Map<string, string>();
  for (const f of anns) {
    const article = f.replace(/_[^_]+\.ann$/, '');
    if (!firstAnn.has(article)) firstAnn.set(article, f);
  }
  const docs: PolnearDoc[] = [];
  for (const f of readdirSync(textDir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const name = f.slice(0, -4);
    const ann = firstAnn.get(name);
    if (!ann) continue;
    docs.push({
      name,
      text: readFileSync(path.join(textDir, f), 'utf8'),
      relations: parseAnn(readFileSync(path.join(annDir, ann), 'utf8')),
    });
  }
  return docs;
}

const QUOTE_MARKS = /["“”„‟«»]/;
const EDGE = /[\s"“”„‟«»'‘’.,;:!?()[\]{}—–―…-]/u;

export interface LineScore {
  gold: number;
  found: number;
  recall: number;
  predicted: number;
  correct: number;
  precision: number;
  f1: number;
  withSource: number;
  speakerCorrect: number;
  speakerAccuracy: number;
}

export interface DenialScore {
  /** Gold relations whose cue is a denial verb (deny, reject, dismiss, refute, rebuff, rebut). */
  gold: number;
  /** …whose content the statements cover (80%). */
  found: number;
  /** …and whose best-covering statement is flagged as a denial. */
  flagged: number;
}

export interface PolnearScore {
  docs: number;
  direct: LineScore;
  indirect: LineScore;
  denials: DenialScore;
  misses: Miss[];
}

const DENIAL_CUE = /\b(?:den(?:y|ies|ied|ying)|reject|dismiss|refut|rebuff|rebut)/i;

export interface Miss {
  doc: string;
  line: 'direct' | 'indirect';
  what: 'not found' | 'wrong speaker' | 'false positive';
  text: string;
  detail: string;
}

/** Characters of a content after trimming each piece's edges. */
function trimmedPieces(text: string, pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    let { start, end } = p;
    while (start < end && EDGE.test(text[start]!)) start++;
    while (end > start && EDGE.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

function length(pieces: readonly Piece[]): number {
  return pieces.reduce((n, p) => n + p.end - p.start, 0);
}

function overlap(a: Piece, b: Piece): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function overlapWith(a: Piece, pieces: readonly Piece[]): number {
  return pieces.reduce((n, p) => n + overlap(a, p), 0);
}

function emptyLine(): LineScore {
  return {
    gold: 0,
    found: 0,
    recall: 0,
    predicted: 0,
    correct: 0,
    precision: 0,
    f1: 0,
    withSource: 0,
    speakerCorrect: 0,
    speakerAccuracy: 0,
  };
}

function finish(l: LineScore): LineScore {
  l.recall = l.gold ? l.found / l.gold : 0;
  l.precision = l.predicted ? l.correct / l.predicted : 0;
  l.f1 = l.recall + l.precision ? (2 * l.recall * l.precision) / (l.recall + l.precision) : 0;
  l.speakerAccuracy = l.withSource ? l.speakerCorrect / l.withSource : 0;
  return l;
}

type Extract = (text: string) => ExtractedStatement[];

export function scorePolnear(docs: readonly PolnearDoc[], extract: Extract): PolnearScore {
  const direct = emptyLine();
  const indirect = emptyLine();
  const denials: DenialScore = { gold: 0, found: 0, flagged: 0 };
  const misses: Miss[] = [];
  for (const doc of docs) {
    const statements = extract(doc.text);
    scoreDoc(doc, statements, direct, indirect, misses);
    scoreDenials(doc, statements, denials);
  }
  return { docs: docs.length, direct: finish(direct), indirect: finish(indirect), denials, misses };
}

function scoreDoc(
  doc: PolnearDoc,
  statements: ExtractedStatement[],
  direct: LineScore,
  indirect: LineScore,
  misses: Miss[],
): void {
  const { text } = doc;
  const covered = new Uint8Array(text.length + 1);
  for (const s of statements) covered.fill(1, s.text.start, s.text.end);
  const contents = doc.relations.filter((r) => r.content).map((r) => r.content!.pieces);
  for (const r of doc.relations) {
    if (!r.content) continue;
    const raw = piecesText(text, r.content.pieces);
    const isDirect = QUOTE_MARKS.test(raw);
    if (!isDirect && !(r.cue && isSpeechCue(piecesText(text, r.cue.pieces)))) continue;
    const line = isDirect ? direct : indirect;
    const lineName = isDirect ? 'direct' : 'indirect';
    const gold = trimmedPieces(text, r.content.pieces);
    const total = length(gold);
    if (total === 0) continue;
    line.gold++;
    let hit = 0;
    for (const p of gold) for (let i = p.start; i < p.end; i++) hit += covered[i]!;
    if (hit / total < 0.8) {
      misses.push({
        doc: doc.name,
        line: lineName,
        what: 'not found',
        text: raw,
        detail: `covered ${(hit / total).toFixed(2)}`,
      });
      continue;
    }
    line.found++;
    if (!r.source) continue;
    line.withSource++;
    const best = bestCovering(statements, gold);
    const mention = best?.speaker.mention;
    if (mention && r.source.pieces.some((p) => overlap(p, mention) > 0)) line.speakerCorrect++;
    else {
      misses.push({
        doc: doc.name,
        line: lineName,
        what: 'wrong speaker',
        text: raw,
        detail: `gold "${piecesText(text, r.source.pieces)}", got "${mention?.text ?? '(none)'}" → ${best?.speaker.name}`,
      });
    }
  }
  for (const s of statements) {
    const line = s.kind === 'indirect' ? indirect : direct;
    line.predicted++;
    const size = s.text.end - s.text.start;
    const inside = contents.reduce((m, c) => Math.max(m, overlapWith(s.text, c)), 0);
    if (size > 0 && inside / size >= 0.5) line.correct++;
    else {
      misses.push({
        doc: doc.name,
        line: s.kind === 'indirect' ? 'indirect' : 'direct',
        what: 'false positive',
        text: s.text.text,
        detail: `${s.kind} by ${s.speaker.name}`,
      });
    }
  }
}

/** Gold denial relations: covered, and flagged as denials by the statement covering them most. */
function scoreDenials(doc: PolnearDoc, statements: ExtractedStatement[], score: DenialScore): void {
  for (const r of doc.relations) {
    if (!r.content || !r.cue || !DENIAL_CUE.test(piecesText(doc.text, r.cue.pieces))) continue;
    const gold = trimmedPieces(doc.text, r.content.pieces);
    const total = length(gold);
    if (total === 0) continue;
    score.gold++;
    const best = bestCovering(statements, gold);
    const covered = statements.reduce((n, s) => n + gold.reduce((m, p) => m + overlap(s.text, p), 0), 0);
    if (!best || covered / total < 0.8) continue;
    score.found++;
    if (best.denial) score.flagged++;
  }
}

/** The statement covering most of a gold content. */
function bestCovering(
  statements: readonly ExtractedStatement[],
  gold: readonly Piece[],
): ExtractedStatement | null {
  let best: ExtractedStatement | null = null;
  let bestOverlap = 0;
  for (const s of statements) {
    const o = overlapWith(s.text, gold);
    if (o > bestOverlap) {
      best = s;
      bestOverlap = o;
    }
  }
  return best;
}

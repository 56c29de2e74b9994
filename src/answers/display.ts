/**
 * What an answer shows of a statement, verbatim. A direct quote is shown as
 * the quoted words. Reported speech and partial quotes are not: the reported
 * clause alone ("allegations by Microsoft Corp that hackers …", the object of
 * "dismissed") reads as if the speaker had said it. They are shown as the
 * whole sentence(s) that hold the speaker, the cue and the content, with
 * each of those marked, so a reader sees who said what and how.
 *
 * Computed only for the statements an answer shows: a binary search per span
 * over the document's sentences, and a handful of marks.
 */
import { sentenceIndexAt } from '../corpus/segment.ts';
import type { CorpusDocument, Sentence, Span, Statement } from '../model.ts';

export type DisplayRole = 'speaker' | 'cue' | 'content' | 'quote';

/** A marked part of a displayed text: `[start, end)` in `Display.text`. */
export interface DisplayMark {
  start: number;
  end: number;
  /**
   * The speaker's mention ("Iran, **Russia** and China"), the cue ("dismissed"),
   * the content (the reported words, or the direct quote), or the speaker's own
   * words quoted inside reported speech ("were “unsubstantiated”").
   */
  role: DisplayRole;
}

/**
 * A verbatim piece of a document: `doc.text.slice(start, end) === text`.
 * Marks lie inside `text`, sorted by start (outer first), and any two are
 * either disjoint or one holds the other.
 */
export interface Display {
  text: string;
  start: number;
  end: number;
  marks: DisplayMark[];
}

/** The display of `statement`, a statement of `doc`. */
export function displayOf(statement: Statement, doc: CorpusDocument): Display {
  const content = statement.text;
  let start = content.start;
  let end = content.end;
  let speaker: Span | null = null;
  let cue: Span | null = null;
  const sentences = doc.sentences;
  if (statement.kind !== 'direct' && sentences.length > 0) {
    const first = sentenceIndexAt(sentences, content.start);
    const last = Math.max(first, sentenceIndexAt(sentences, content.end - 1));
    speaker = nearby(statement.speaker.mention, sentences, first, last);
    cue = nearby(statement.cue, sentences, first, last);
    let lo = first;
    let hi = last;
    for (const span of [speaker, cue]) {
      if (!span) continue;
      lo = Math.min(lo, sentenceIndexAt(sentences, span.start));
      hi = Math.max(hi, sentenceIndexAt(sentences, span.end - 1));
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
    }
    start = Math.min(start, sentences[lo]!.start);
    end = Math.max(end, sentences[hi]!.end);
  }
  // In order of precedence: a span that would cross one already marked keeps
  // only its longer part outside it, so marks never cross.
  const marks: DisplayMark[] = [];
  const length = end - start;
  addMark(marks, content, start, length, 'content');
  if (statement.kind !== 'direct' && statement.quotes) {
    for (const q of statement.quotes) addMark(marks, q, start, length, 'quote');
  }
  if (speaker) addMark(marks, speaker, start, length, 'speaker');
  if (cue) addMark(marks, cue, start, length, 'cue');
  if (marks.length > 1) marks.sort(byPosition);
  return { text: doc.text.slice(start, end), start, end, marks };
}

/**
 * `span` when it lies in the content's sentences (`first` to `last`) or the
 * sentence just before or after them in the same paragraph; else null.
 */
function nearby(span: Span | null, sentences: readonly Sentence[], first: number, last: number): Span | null {
  if (!span || span.end <= span.start) return null;
  const a = sentenceIndexAt(sentences, span.start);
  const b = Math.max(a, sentenceIndexAt(sentences, span.end - 1));
  if (a < first - 1 || b > last + 1) return null;
  if (a < first && sentences[a]!.paragraph !== sentences[first]!.paragraph) return null;
  if (b > last && sentences[b]!.paragraph !== sentences[last]!.paragraph) return null;
  return span;
}

function byPosition(a: DisplayMark, b: DisplayMark): number {
  return a.start - b.start || b.end - a.end;
}

/** Marks `span` (file offsets) in a display starting at `offset`: clipped, and trimmed until it crosses no mark. */
function addMark(marks: DisplayMark[], span: Span, offset: number, length: number, role: DisplayRole): void {
  let start = Math.max(0, span.start - offset);
  let end = Math.min(length, span.end - offset);
  for (let changed = true; changed && start < end; ) {
    changed = false;
    for (const m of marks) {
      const crosses =
        start < m.end &&
        m.start < end &&
        !(m.start <= start && end <= m.end) &&
        !(start <= m.start && m.end <= end);
      if (!crosses) continue;
      // Keep the longer part outside `m`.
      if (m.start - start >= end - m.end) end = m.start;
      else start = m.end;
      changed = true;
    }
  }
  if (start < end) marks.push({ start, end, role });
}

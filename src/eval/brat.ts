/**
 * brat standoff (.ann) as PolNeAR uses it: text-bound spans (`T…`) with one
 * or more `start end` pieces separated by `;`, and relations (`E…`) that
 * bind an Attribution anchor to its Source, Cue and Content spans.
 */

export interface Piece {
  start: number;
  end: number;
}

export interface BratSpan {
  id: string;
  label: string;
  pieces: Piece[];
}

export interface Relation {
  id: string;
  content: BratSpan | null;
  source: BratSpan | null;
  cue: BratSpan | null;
}

const SPAN_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)/;
const EVENT_LINE = /^(E\d+)\t(.+)$/;

/** Parses an .ann file. Entity text may spill over several lines; those lines are ignored. */
export function parseAnn(ann: string): Relation[] {
  const spans = new Map<string, BratSpan>();
  const events: { id: string; args: [string, string][] }[] = [];
  for (const line of ann.split('\n')) {
    const span = SPAN_LINE.exec(line);
    if (span) {
      const pieces = span[3]!.split(';').map((p) => {
        const [start, end] = p.split(' ').map(Number) as [number, number];
        return { start, end };
      });
      spans.set(span[1]!, { id: span[1]!, label: span[2]!, pieces });
      continue;
    }
    const event = EVENT_LINE.exec(line);
    if (event) {
      const args = event[2]!
        .trim()
        .split(/\s+/)
        .map((a) => a.split(':') as [string, string])
        .filter((a) => a.length === 2);
      events.push({ id: event[1]!, args });
    }
  }
  return events.map((e) => {
    const get = (role: string) => {
      const arg = e.args.find(([r]) => r.replace(/\d+$/, '') === role);
      return arg ? (spans.get(arg[1]) ?? null) : null;
    };
    return { id: e.id, content: get('Content'), source: get('Source'), cue: get('Cue') };
  });
}

export function piecesText(text: string, pieces: readonly Piece[]): string {
  return pieces.map((p) => text.slice(p.start, p.end)).join(' ');
}

/**
 * Paragraphs of a body: blocks separated by blank lines. Inside a block a
 * line break also starts a paragraph (many sources put one paragraph per
 * line), unless the line is soft-wrapped: it stops mid-sentence and the next
 * line carries on in lower case.
 */
export interface ParagraphSpan {
  start: number;
  end: number;
}

const LINE_END_OF_UNIT = /[.!?…:;"”’')\]]$/u;

export function findParagraphs(text: string, bodyStart: number): ParagraphSpan[] {
  const paragraphs: ParagraphSpan[] = [];
  let current: ParagraphSpan | null = null;
  let lineStart = bodyStart;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const span = trimSpan(text, lineStart, lineEnd);
    if (!span) {
      if (current) paragraphs.push(current);
      current = null;
    } else if (current && isSoftWrap(text, current, span)) {
      current.end = span.end;
    } else {
      if (current) paragraphs.push(current);
      current = span;
    }
    lineStart = lineEnd + 1;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function isSoftWrap(text: string, previous: ParagraphSpan, next: ParagraphSpan): boolean {
  const last = text.slice(Math.max(previous.start, previous.end - 1), previous.end);
  return !LINE_END_OF_UNIT.test(last) && /^\p{Ll}/u.test(text.slice(next.start, next.start + 1));
}

/** The span without leading and trailing whitespace, or null if it is blank. */
export function trimSpan(text: string, start: number, end: number): ParagraphSpan | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

export function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Where a file's body starts: after a YAML front-matter block that opens with
 * a line `---` at the very start and closes with a line `---`. A file without
 * one (or with an unclosed one) has its body at 0.
 */
export function findBodyStart(text: string): number {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = lineEnd(text, bom);
  if (text.slice(bom, firstLineEnd).trimEnd() !== '---') return 0;
  let lineStart = nextLine(text, firstLineEnd);
  while (lineStart < text.length) {
    const end = lineEnd(text, lineStart);
    if (text.slice(lineStart, end).trimEnd() === '---') return nextLine(text, end);
    lineStart = nextLine(text, end);
  }
  return 0;
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

function nextLine(text: string, lineEndIndex: number): number {
  return Math.min(text.length, lineEndIndex + 1);
}

/**
 * Folding for comparing names: no accents, lower case, straight apostrophes,
 * single spaces, no trailing full stop on a word ("Mr." = "Mr").
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/\.$/, ''))
    .join(' ');
}

/** "1 document", "2 documents", "0 countries": a count with its noun, for every renderer. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

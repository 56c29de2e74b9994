/**
 * Read-only collections for the lexicon's lookups: the engine shares them
 * across every document, so nothing may add to them after loading. Reads
 * (`has`, `get`) are the built-in ones, at full speed.
 */

/** Collections whose contents are final. */
const sealed = new WeakSet<object>();

function refuse(): never {
  throw new TypeError('lexicon lookups are read-only: edit the tables in src/lexicon/tables instead');
}

class FrozenSet<T> extends Set<T> {
  constructor(values: Iterable<T>) {
    super(values);
    sealed.add(this);
  }
  override add(value: T): this {
    if (sealed.has(this)) refuse();
    return super.add(value);
  }
  override delete(): boolean {
    return refuse();
  }
  override clear(): void {
    refuse();
  }
}

class FrozenMap<K, V> extends Map<K, V> {
  constructor(entries: Iterable<readonly [K, V]>) {
    super(entries);
    sealed.add(this);
  }
  override set(key: K, value: V): this {
    if (sealed.has(this)) refuse();
    return super.set(key, value);
  }
  override delete(): boolean {
    return refuse();
  }
  override clear(): void {
    refuse();
  }
}

export function frozenSet<T>(values: Iterable<T>): ReadonlySet<T> {
  return new FrozenSet(values);
}

/** A read-only map whose values are frozen too. */
export function frozenMap<K, V extends object>(
  entries: Iterable<readonly [K, V]>,
): ReadonlyMap<K, Readonly<V>> {
  return new FrozenMap([...entries].map(([k, v]) => [k, Object.freeze(v)] as const));
}

/** A frozen array of frozen rows. */
export function frozenRows<T extends object>(rows: readonly T[]): readonly Readonly<T>[] {
  return Object.freeze(rows.map((row) => Object.freeze({ ...row })));
}

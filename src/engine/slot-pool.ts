/**
 * A pool of recycled slots over typed-array columns: the way a simulation keeps millions of
 * short-lived entities (calls, pending changes, ...) without an object each. `allocate()` hands out
 * a free index, reusing released ones first; when every slot is taken, every column doubles.
 *
 * Columns are declared once, by name and typed-array constructor. Read them through `columns`
 * each time (not through a saved reference): growing replaces the arrays.
 */
export type Column = Int8Array | Int16Array | Int32Array | Float64Array;

export type ColumnTypes<C extends Record<string, Column>> = { [K in keyof C]: new (n: number) => C[K] };

export class SlotPool<C extends Record<string, Column>> {
  readonly columns: C;
  private free: Int32Array;
  private freeTop = 0;
  /** Slots handed out at least once; slots below this are either in use or on the free list. */
  private size = 0;

  constructor(
    private readonly types: ColumnTypes<C>,
    initialCapacity = 1024,
  ) {
    const n = Math.max(1, initialCapacity);
    this.columns = {} as C;
    for (const name in types) this.columns[name] = new types[name](n);
    this.free = new Int32Array(n);
  }

  /** Slots that can be held at once before the columns grow again. */
  get capacity(): number {
    return this.free.length;
  }

  /** Slots in use now. */
  get inUse(): number {
    return this.size - this.freeTop;
  }

  allocate(): number {
    if (this.freeTop > 0) return this.free[--this.freeTop]!;
    if (this.size === this.free.length) this.grow();
    return this.size++;
  }

  /** Returns `slot` to the pool; its column values stay until the slot is handed out again. */
  release(slot: number): void {
    this.free[this.freeTop++] = slot;
  }

  private grow(): void {
    const n = this.free.length * 2;
    for (const name in this.types) {
      const bigger = new this.types[name](n);
      bigger.set(this.columns[name] as Column);
      this.columns[name] = bigger;
    }
    const free = new Int32Array(n);
    free.set(this.free);
    this.free = free;
  }
}

/**
 * The event calendar: a binary min-heap over parallel typed arrays, ordered by
 * (time, priority, insertion sequence). Equal-time events therefore fire in a documented,
 * deterministic order: lower `priority` first, then first-scheduled first (as in SimPy).
 * An event is just (time, kind, data): no object per event, no closure, no sort.
 */
export class EventCalendar {
  private times: Float64Array;
  private priorities: Int32Array;
  private sequence: Float64Array;
  private kinds: Int32Array;
  private data: Int32Array;
  private size = 0;
  private nextSequence = 0;

  /** Time, kind and data of the event last returned by `pop()`. */
  time = 0;
  kind = 0;
  payload = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.priorities = new Int32Array(initialCapacity);
    this.sequence = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.data = new Int32Array(initialCapacity);
  }

  get length(): number {
    return this.size;
  }

  schedule(time: number, kind: number, data = 0, priority = 0): void {
    if (!(time >= this.time)) throw new RangeError(`cannot schedule at ${time}, before now (${this.time})`);
    if (this.size === this.times.length) this.grow();
    let i = this.size++;
    const seq = this.nextSequence++;
    // Sift up: move parents down until the slot for the new event is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, priority, seq, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, time, priority, seq, kind, data);
  }

  /** Removes the earliest event into (time, kind, payload); returns false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    this.time = this.times[0]!;
    this.kind = this.kinds[0]!;
    this.payload = this.data[0]!;
    const last = --this.size;
    if (last > 0) {
      const t = this.times[last]!;
      const p = this.priorities[last]!;
      const s = this.sequence[last]!;
      const k = this.kinds[last]!;
      const d = this.data[last]!;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= last) break;
        const right = left + 1;
        const child = right < last && this.before(this.times[right]!, this.priorities[right]!, this.sequence[right]!, left) ? right : left;
        if (!this.earlier(child, t, p, s)) break;
        this.move(child, i);
        i = child;
      }
      this.place(i, t, p, s, k, d);
    }
    return true;
  }

  /** Time of the next event, or Infinity. */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  /** Is (t, p, s) strictly before the event in slot j? */
  private before(t: number, p: number, s: number, j: number): boolean {
    const tj = this.times[j]!;
    if (t !== tj) return t < tj;
    const pj = this.priorities[j]!;
    if (p !== pj) return p < pj;
    return s < this.sequence[j]!;
  }

  /** Is the event in slot j strictly before (t, p, s)? */
  private earlier(j: number, t: number, p: number, s: number): boolean {
    const tj = this.times[j]!;
    if (tj !== t) return tj < t;
    const pj = this.priorities[j]!;
    if (pj !== p) return pj < p;
    return this.sequence[j]! < s;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.priorities[to] = this.priorities[from]!;
    this.sequence[to] = this.sequence[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.data[to] = this.data[from]!;
  }

  private place(i: number, t: number, p: number, s: number, k: number, d: number): void {
    this.times[i] = t;
    this.priorities[i] = p;
    this.sequence[i] = s;
    this.kinds[i] = k;
    this.data[i] = d;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.priorities = grow(this.priorities, (n) => new Int32Array(n));
    this.sequence = grow(this.sequence, (n) => new Float64Array(n));
    this.kinds = grow(this.kinds, (n) => new Int32Array(n));
    this.data = grow(this.data, (n) => new Int32Array(n));
  }
}

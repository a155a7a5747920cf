/**
 * The event calendar: a binary min-heap ordered by (time, priority, insertion sequence). Equal-time
 * events therefore fire in a documented, deterministic order: lower `priority` first, then
 * first-scheduled first (as in SimPy). An event is just (time, kind, data): no object per event,
 * no closure, no sort.
 *
 * The heap itself holds only (time, event id) pairs in two typed arrays, so sifting moves two
 * numbers; an event's kind, data and tie-break rank sit in arrays indexed by its id (ids are
 * recycled), and the rank is read only when two times are equal. The order is total, so the
 * events come out in exactly the same order whatever the heap's layout.
 *
 * `pop()` leaves the event it returns at the root, and the next call takes it out: when that call
 * is `schedule()` (an arrival schedules the next arrival, a call's end the next call's end), the new
 * event simply replaces the root and sifts down, one pass through the heap instead of two.
 */

/** Ranks are priority · 2^40 + sequence: exact in a double for |priority| < 2^12. */
const SEQUENCE_SPAN = 2 ** 40;

export class EventCalendar {
  // The heap: times and event ids, heap-ordered.
  private times: Float64Array;
  private ids: Int32Array;
  private size = 0;
  // Events by id.
  private ranks: Float64Array;
  private kinds: Int32Array;
  private data: Int32Array;
  private freeIds: Int32Array;
  private freeCount = 0;
  private nextId = 0;
  private nextSequence = 0;
  /** The event last returned by `pop()` still sits at the root, to be replaced or removed. */
  private popped = false;

  /** Time, kind and data of the event last returned by `pop()`. */
  time = 0;
  kind = 0;
  payload = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(1, initialCapacity);
    this.times = new Float64Array(n);
    this.ids = new Int32Array(n);
    this.ranks = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.data = new Int32Array(n);
    this.freeIds = new Int32Array(n);
  }

  get length(): number {
    return this.popped ? this.size - 1 : this.size;
  }

  schedule(time: number, kind: number, data = 0, priority = 0): void {
    if (!(time >= this.time)) throw new RangeError(`cannot schedule at ${time}, before now (${this.time})`);
    const rank = priority * SEQUENCE_SPAN + this.nextSequence++;
    if (this.popped) {
      // The new event takes the popped one's place (and id) at the root.
      this.popped = false;
      const id = this.ids[0]!;
      this.ranks[id] = rank;
      this.kinds[id] = kind;
      this.data[id] = data;
      this.siftDown(time, id, rank, this.size);
      return;
    }
    if (this.size === this.times.length) this.grow();
    const id = this.freeCount > 0 ? this.freeIds[--this.freeCount]! : this.nextId++;
    this.ranks[id] = rank;
    this.kinds[id] = kind;
    this.data[id] = data;
    // Sift up: move parents down until the slot for the new event is found.
    const times = this.times;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const tp = times[parent]!;
      if (tp < time || (tp === time && this.ranks[ids[parent]!]! < rank)) break;
      times[i] = tp;
      ids[i] = ids[parent]!;
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  }

  /** Takes the earliest event into (time, kind, payload); returns false when empty. */
  pop(): boolean {
    if (this.popped) this.removeRoot();
    if (this.size === 0) return false;
    const top = this.ids[0]!;
    this.time = this.times[0]!;
    this.kind = this.kinds[top]!;
    this.payload = this.data[top]!;
    this.popped = true;
    return true;
  }

  /** Takes the popped event out: the last event moves to the root and sifts down. */
  private removeRoot(): void {
    this.popped = false;
    this.freeIds[this.freeCount++] = this.ids[0]!;
    const last = --this.size;
    if (last > 0) {
      const id = this.ids[last]!;
      this.siftDown(this.times[last]!, id, this.ranks[id]!, last);
    }
  }

  /** Places event `id` (at `t`, of `rank`) at the root of a heap of `n` events and sifts it down. */
  private siftDown(t: number, id: number, rank: number, n: number): void {
    const times = this.times;
    const ids = this.ids;
    const ranks = this.ranks;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let tc = times[child]!;
      const right = child + 1;
      if (right < n) {
        const tr = times[right]!;
        if (tr < tc || (tr === tc && ranks[ids[right]!]! < ranks[ids[child]!]!)) {
          child = right;
          tc = tr;
        }
      }
      if (tc > t || (tc === t && ranks[ids[child]!]! > rank)) break;
      times[i] = tc;
      ids[i] = ids[child]!;
      i = child;
    }
    times[i] = t;
    ids[i] = id;
  }

  /** Time of the next event, or Infinity. */
  peekTime(): number {
    if (this.popped) this.removeRoot();
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.times = grow(this.times, (n) => new Float64Array(n));
    this.ids = grow(this.ids, (n) => new Int32Array(n));
    this.ranks = grow(this.ranks, (n) => new Float64Array(n));
    this.kinds = grow(this.kinds, (n) => new Int32Array(n));
    this.data = grow(this.data, (n) => new Int32Array(n));
    this.freeIds = grow(this.freeIds, (n) => new Int32Array(n));
  }
}

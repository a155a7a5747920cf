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
 * is `schedule()` (a call's end schedules the next call's end), the new event simply replaces the
 * root and sifts down, one pass through the heap instead of two.
 *
 * Standing events sit beside the heap: a source with at most one pending occurrence at a time (a
 * channel's next arrival) keeps its next time in a small array, and `pop()` compares the earliest
 * of them with the heap's root. An occurrence is ranked like any scheduled event (priority, then
 * the order in which it was set), so the order of events is exactly what it would be in the heap;
 * it just costs no sifting.
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
  // Standing events by number: next time (Infinity: none pending), rank, and fixed kind, data, priority.
  private standingTimes = new Float64Array(0);
  private standingRanks = new Float64Array(0);
  private standingKinds = new Int32Array(0);
  private standingData = new Int32Array(0);
  private standingPriorities = new Float64Array(0);
  /** The standing event due first, or −1 when none is pending. */
  private earliestStanding = -1;

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

  /** Events pending, standing ones included. */
  get length(): number {
    let n = this.popped ? this.size - 1 : this.size;
    for (let k = 0; k < this.standingTimes.length; k++) if (this.standingTimes[k]! < Infinity) n++;
    return n;
  }

  /** Adds a standing event source, none pending yet; returns its number for `setStanding`. */
  addStanding(kind: number, data = 0, priority = 0): number {
    const n = this.standingTimes.length;
    const widen = <T extends Float64Array | Int32Array>(a: T, value: number): T => {
      const b = new (a.constructor as new (n: number) => T)(n + 1);
      b.set(a);
      b[n] = value;
      return b;
    };
    this.standingTimes = widen(this.standingTimes, Infinity);
    this.standingRanks = widen(this.standingRanks, 0);
    this.standingKinds = widen(this.standingKinds, kind);
    this.standingData = widen(this.standingData, data);
    this.standingPriorities = widen(this.standingPriorities, priority);
    return n;
  }

  /** Standing source `k`'s next occurrence is at `time`, ranked as an event scheduled now would be. */
  setStanding(k: number, time: number): void {
    if (!(time >= this.time)) this.refusePast(time);
    this.standingTimes[k] = time;
    this.standingRanks[k] = this.standingPriorities[k]! * SEQUENCE_SPAN + this.nextSequence++;
    this.findEarliestStanding();
  }

  private findEarliestStanding(): void {
    const times = this.standingTimes;
    const ranks = this.standingRanks;
    let best = -1;
    let bestTime = Infinity;
    for (let k = 0; k < times.length; k++) {
      const t = times[k]!;
      if (t < bestTime || (t === bestTime && best >= 0 && ranks[k]! < ranks[best]!)) {
        best = k;
        bestTime = t;
      }
    }
    this.earliestStanding = best;
  }

  schedule(time: number, kind: number, data = 0, priority = 0): void {
    if (!(time >= this.time)) this.refusePast(time);
    const rank = priority * SEQUENCE_SPAN + this.nextSequence++;
    if (this.popped) {
      this.replaceRoot(time, kind, data, rank);
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

  /** The new event takes the popped one's place (and id) at the root. */
  private replaceRoot(time: number, kind: number, data: number, rank: number): void {
    this.popped = false;
    const id = this.ids[0]!;
    this.ranks[id] = rank;
    this.kinds[id] = kind;
    this.data[id] = data;
    this.siftDown(time, id, rank, this.size);
  }

  // Out of line: the message's template would otherwise weigh on every call of `schedule`.
  private refusePast(time: number): never {
    throw new RangeError(`cannot schedule at ${time}, before now (${this.time})`);
  }

  /** Takes the earliest event into (time, kind, payload); returns false when empty. */
  pop(): boolean {
    if (this.popped) this.removeRoot();
    const k = this.earliestStanding;
    if (k >= 0) {
      const t = this.standingTimes[k]!;
      if (this.size === 0 || t < this.times[0]! || (t === this.times[0]! && this.standingRanks[k]! < this.ranks[this.ids[0]!]!)) {
        this.time = t;
        this.kind = this.standingKinds[k]!;
        this.payload = this.standingData[k]!;
        this.standingTimes[k] = Infinity;
        this.findEarliestStanding();
        return true;
      }
    }
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

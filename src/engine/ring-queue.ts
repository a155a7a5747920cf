/**
 * A first-in, first-out queue of integers in a ring buffer that doubles when full: no allocation
 * per entry and O(1) at both ends. Used for queues of slot indices (see `slot-pool.ts`).
 */
export class RingQueue {
  private ring: Int32Array;
  private head = 0;
  private tail = 0;

  constructor(initialCapacity = 256) {
    // A power of two, so that positions wrap with a mask.
    let n = 2;
    while (n < initialCapacity) n *= 2;
    this.ring = new Int32Array(n);
  }

  get isEmpty(): boolean {
    return this.head === this.tail;
  }

  get length(): number {
    return (this.tail - this.head) & (this.ring.length - 1);
  }

  push(value: number): void {
    const mask = this.ring.length - 1;
    if (((this.tail + 1) & mask) === this.head) this.grow();
    this.ring[this.tail] = value;
    this.tail = (this.tail + 1) & (this.ring.length - 1);
  }

  /** Removes and returns the oldest entry; the queue must not be empty. */
  shift(): number {
    const value = this.ring[this.head]!;
    this.head = (this.head + 1) & (this.ring.length - 1);
    return value;
  }

  /** Calls `f` on each entry, oldest first, without removing any. */
  forEach(f: (value: number) => void): void {
    const mask = this.ring.length - 1;
    for (let i = this.head; i !== this.tail; i = (i + 1) & mask) f(this.ring[i]!);
  }

  /** Unrolls the ring into one twice the size, oldest entry first. */
  private grow(): void {
    const mask = this.ring.length - 1;
    const bigger = new Int32Array(this.ring.length * 2);
    let n = 0;
    for (let i = this.head; i !== this.tail; i = (i + 1) & mask) bigger[n++] = this.ring[i]!;
    this.ring = bigger;
    this.head = 0;
    this.tail = n;
  }
}

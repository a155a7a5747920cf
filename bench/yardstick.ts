/**
 * The yardstick: a minimal hand-written event loop for the benchmark's model (two channels,
 * 999 before 101, exponential handling and patience, fixed handlers), with no scenario format,
 * no rota, no statistics beyond counts. occsim's full path should stay within 2× of it.
 */
import xor4096 from 'seedrandom/lib/xor4096.js';

export function yardstick(days: number, callsPerDay: number, share999: number, handlers: number, seed: string) {
  const random = xor4096(seed);
  const exp = (mean: number) => -mean * Math.log(1 - random());
  // Heap of events: parallel arrays of time and code (code ≥ 0: abandon of call id; −1 arrival; −2 service end).
  let times = new Float64Array(1024);
  let codes = new Int32Array(1024);
  let n = 0;
  const push = (t: number, c: number) => {
    if (n === times.length) {
      const t2 = new Float64Array(n * 2);
      t2.set(times);
      times = t2;
      const c2 = new Int32Array(n * 2);
      c2.set(codes);
      codes = c2;
    }
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p]! <= t) break;
      times[i] = times[p]!;
      codes[i] = codes[p]!;
      i = p;
    }
    times[i] = t;
    codes[i] = c;
  };
  let popTime = 0;
  let popCode = 0;
  const pop = () => {
    popTime = times[0]!;
    popCode = codes[0]!;
    const t = times[--n]!;
    const c = codes[n]!;
    let i = 0;
    for (;;) {
      let k = 2 * i + 1;
      if (k >= n) break;
      if (k + 1 < n && times[k + 1]! < times[k]!) k++;
      if (times[k]! >= t) break;
      times[i] = times[k]!;
      codes[i] = codes[k]!;
      i = k;
    }
    times[i] = t;
    codes[i] = c;
  };
  const end = days * 86400;
  const rate = callsPerDay / 86400;
  const queues: number[][] = [[], []];
  const heads = [0, 0];
  const waitingSince = new Map<number, number>();
  let free = handlers;
  let nextId = 0;
  let answered = 0;
  let abandoned = 0;
  let offered = 0;
  const serve = (now: number) => {
    free--;
    answered++;
    push(now + exp(360), -2);
  };
  push(exp(1 / rate), -1);
  while (n > 0) {
    pop();
    const now = popTime;
    if (popCode === -1) {
      if (now >= end) continue;
      offered++;
      push(now + exp(1 / rate), -1);
      const ch = random() < share999 ? 0 : 1;
      if (free > 0) serve(now);
      else {
        const id = nextId++;
        queues[ch]!.push(id);
        waitingSince.set(id, ch);
        push(now + exp(ch === 0 ? 1800 : 180), id);
      }
    } else if (popCode === -2) {
      free++;
      for (const ch of [0, 1]) {
        const q = queues[ch]!;
        while (heads[ch]! < q.length && !waitingSince.has(q[heads[ch]!]!)) heads[ch]!++;
        if (heads[ch]! < q.length) {
          waitingSince.delete(q[heads[ch]!++]!);
          serve(now);
          break;
        }
      }
    } else if (waitingSince.delete(popCode)) abandoned++;
  }
  return { offered, answered, abandoned };
}

#!/usr/bin/env node
/**
 * The yardstick: the fastest plain-JavaScript program we could write of the benchmark's model, to
 * measure occsim against. Same model as occsim's "year" workload: Poisson arrivals on two phone
 * channels, one pool of identical handlers, 999 answered before 101 (non-preemptive, FIFO within a
 * channel), exponential handling and exponential patience, the same random generator (xor4096,
 * seeded through seedrandom, then stepped inline) and the same KPIs. Nothing else: no scenario
 * format, no rota, no per-hour statistics, no bit-reproducible tables.
 *
 * Why it is fast:
 *  - the only events are the next arrival (one number) and service completions, in a binary
 *    min-heap of times in a Float64Array (at most one per handler);
 *  - abandonment is decided lazily: a caller's deadline is only looked at when a free handler
 *    reaches them at the head of the queue (with FIFO queues that gives the same outcome as a
 *    hang-up event, without the event); patience is drawn only for callers who must wait;
 *  - queues are ring buffers of (arrival, deadline) in typed arrays;
 *  - the two channels' arrival streams are merged into one Poisson stream with a channel draw;
 *  - exponential times come from a ziggurat: one uniform, a lookup and a multiplication for 99 %
 *    of draws instead of a logarithm (occsim still inverts the distribution function with its
 *    bit-reproducible logarithm; see the README's "Measuring").
 *
 * `node bench/yardstick.js DAYS [SEED]` prints the KPIs as one JSON line (the benchmark times the
 * whole process); `yardstick(options)` runs it in-process.
 */
import { fileURLToPath } from 'node:url';
import xor4096 from 'seedrandom/lib/xor4096.js';

export const YEAR_WORKLOAD = {
  callsPerDay: 1780,
  share999: 0.3,
  handlers: 9,
  handlingMinutes: 6,
  patienceMinutes: [30, 3],
  targetSeconds: [10, 60],
};

// The ziggurat for unit exponentials (Marsaglia & Tsang 2000, 256 layers); the layer is a
// uniform's low 8 bits and the position within it the high 24, so the two are independent.
const R = 7.697117470131487;
const K = new Float64Array(256);
const W = new Float64Array(256);
const F = new Float64Array(256);
{
  const area = 3.949659822581572e-3;
  const positions = 2 ** 24;
  const q = area / Math.exp(-R);
  let x = R;
  let previous = R;
  K[0] = Math.floor((R / q) * positions);
  W[0] = q / positions;
  W[255] = R / positions;
  F[0] = 1;
  F[255] = Math.exp(-R);
  for (let i = 254; i >= 1; i--) {
    x = -Math.log(area / x + Math.exp(-x));
    K[i + 1] = Math.floor((x / previous) * positions);
    previous = x;
    F[i] = Math.exp(-x);
    W[i] = x / positions;
  }
}

export function yardstick({ days, seed = 'yardstick', workload = YEAR_WORKLOAD }) {
  const { callsPerDay, share999, handlers, handlingMinutes, patienceMinutes, targetSeconds } = workload;
  // xor4096 state from seedrandom (so the numbers are exactly seedrandom's), stepped inline below.
  const seeded = xor4096(seed, { state: true }).state();
  const X = Int32Array.from(seeded.X);
  let xi = seeded.i;
  let xw = seeded.w;
  const random = () => {
    xw = (xw + 0x61c88647) | 0;
    let v = X[(xi + 34) & 127];
    xi = (xi + 1) & 127;
    let t = X[xi];
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = X[xi] = v ^ t;
    return (((v + (xw ^ (xw >>> 16))) | 0) >>> 0) / 0x100000000;
  };
  const exponential = () => {
    for (;;) {
      const bits = random() * 4294967296;
      const i = bits & 255;
      const p = bits >>> 8;
      if (p < K[i]) return p * W[i];
      if (i === 0) return R - Math.log(1 - random());
      const x = p * W[i];
      if (F[i] + random() * (F[i - 1] - F[i]) < Math.exp(-x)) return x;
    }
  };

  const end = days * 86400;
  const meanGap = 86400 / callsPerDay;
  const handling = handlingMinutes * 60;
  const patience0 = patienceMinutes[0] * 60;
  const patience1 = patienceMinutes[1] * 60;
  const target0 = targetSeconds[0];
  const target1 = targetSeconds[1];

  // Completion times of busy handlers: a min-heap.
  const heap = new Float64Array(handlers);
  let busy = 0;
  // Per channel ring queues of arrival time and deadline (grown by doubling when full).
  let cap = 1024;
  let arrivedAt = [new Float64Array(cap), new Float64Array(cap)];
  let deadline = [new Float64Array(cap), new Float64Array(cap)];
  const head = [0, 0];
  const length = [0, 0];
  // KPIs per channel: offered, answered, abandoned, within target, waited, wait sum, answer-wait sum.
  const offered = [0, 0];
  const answered = [0, 0];
  const abandoned = [0, 0];
  const withinTarget = [0, 0];
  const waited = [0, 0];
  const waitSum = [0, 0];
  const answerWaitSum = [0, 0];

  const startService = (now) => {
    // The new completion goes in at the bottom and sifts up.
    const done = now + handling * exponential();
    let i = busy++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= done) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = done;
  };
  const nextCompletion = (now) => {
    // Replace the root by a new completion (a handler went straight on to the next caller).
    const done = now + handling * exponential();
    let i = 0;
    for (;;) {
      let k = 2 * i + 1;
      if (k >= busy) break;
      if (k + 1 < busy && heap[k + 1] < heap[k]) k++;
      if (heap[k] >= done) break;
      heap[i] = heap[k];
      i = k;
    }
    heap[i] = done;
  };
  const popCompletion = () => {
    const last = heap[--busy];
    let i = 0;
    for (;;) {
      let k = 2 * i + 1;
      if (k >= busy) break;
      if (k + 1 < busy && heap[k + 1] < heap[k]) k++;
      if (heap[k] >= last) break;
      heap[i] = heap[k];
      i = k;
    }
    heap[i] = last;
  };
  const grow = () => {
    const bigger = (old, c) => {
      const b = new Float64Array(cap * 2);
      for (let n = 0; n < length[c]; n++) b[n] = old[(head[c] + n) & (cap - 1)];
      return b;
    };
    arrivedAt = [bigger(arrivedAt[0], 0), bigger(arrivedAt[1], 1)];
    deadline = [bigger(deadline[0], 0), bigger(deadline[1], 1)];
    head[0] = head[1] = 0;
    cap *= 2;
  };
  /** The oldest caller still on the line, 999 first; callers past their deadline hung up then. */
  const takeFromQueue = (now) => {
    for (let c = 0; c < 2; c++) {
      const arr = arrivedAt[c];
      const dl = deadline[c];
      while (length[c] > 0) {
        const q = head[c];
        head[c] = (q + 1) & (cap - 1);
        length[c]--;
        const wait = now - arr[q];
        if (dl[q] < now) {
          abandoned[c]++;
          waitSum[c] += dl[q] - arr[q];
          continue;
        }
        answered[c]++;
        waitSum[c] += wait;
        answerWaitSum[c] += wait;
        if (wait <= (c === 0 ? target0 : target1)) withinTarget[c]++;
        return true;
      }
    }
    return false;
  };

  let nextArrival = meanGap * exponential();
  for (;;) {
    if (busy > 0 && heap[0] <= nextArrival) {
      // A completion (before an arrival at the same instant, as in occsim).
      const now = heap[0];
      if (takeFromQueue(now)) nextCompletion(now);
      else popCompletion();
    } else if (nextArrival < end) {
      const now = nextArrival;
      nextArrival = now + meanGap * exponential();
      const c = random() < share999 ? 0 : 1;
      offered[c]++;
      if (busy < handlers) {
        answered[c]++;
        withinTarget[c]++;
        startService(now);
      } else {
        if (length[c] === cap) grow();
        const q = (head[c] + length[c]) & (cap - 1);
        arrivedAt[c][q] = now;
        deadline[c][q] = now + (c === 0 ? patience0 : patience1) * exponential();
        length[c]++;
        waited[c]++;
      }
    } else if (busy > 0) {
      // After the horizon: no more arrivals, the queues drain.
      nextArrival = Infinity;
    } else break;
  }

  const channel = (c) => ({
    offered: offered[c],
    answered: answered[c],
    abandoned: abandoned[c],
    abandonRate: abandoned[c] / offered[c],
    serviceLevel: withinTarget[c] / offered[c],
    probWait: waited[c] / offered[c],
    meanWaitSeconds: waitSum[c] / offered[c],
    meanAnswerSeconds: answerWaitSum[c] / answered[c],
  });
  return { days, offered: offered[0] + offered[1], channels: { 999: channel(0), 101: channel(1) } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const days = Number(process.argv[2]);
  if (!(days > 0)) {
    process.stderr.write('usage: node bench/yardstick.js DAYS [SEED]\n');
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(yardstick({ days, seed: process.argv[3] })) + '\n');
}

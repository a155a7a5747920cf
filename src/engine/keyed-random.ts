/**
 * Keyed random numbers: a uniform draw that is a pure function of (stream seed, three integers),
 * not of how many draws came before. A stream (random.ts) gives its n-th number to whatever asks
 * n-th, so one extra draw early on moves every later one; where draws must stay attached to what
 * they are about across two scenarios (the same person on the same shift on the same day), they
 * are keyed instead. The hash is MurmurHash3 (x86, 32-bit) over the words, exact 32-bit integer
 * arithmetic, so Node and every browser give the same bits.
 */
import { streamSeed } from './random.ts';

/** A uniform in [0, 1) for each key (a, b, c): the same key always gives the same number. */
export type KeyedRandom = (a: number, b: number, c: number) => number;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixWord(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number, words: number): number {
  h ^= words * 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit hash of a string's UTF-16 code units: names a key part (a shift) by its content. */
export function hashString(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = mixWord(h, text.charCodeAt(i));
  return finish(h, text.length);
}

/** Keyed draws of one replication, named like a stream, so replication k keys the same numbers in every scenario. */
export function keyedRandom(seed: string, replication: number, name: string): KeyedRandom {
  const base = hashString(streamSeed(seed, replication, name));
  return (a, b, c) => finish(mixWord(mixWord(mixWord(base, a | 0), b | 0), c | 0), 3) / 0x100000000;
}

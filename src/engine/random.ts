/**
 * Named random streams. Each stream's seed is derived from (scenario seed, replication index,
 * stream name), so adding a stream never shifts another, and replication k draws the same numbers
 * in every scenario: common random numbers for paired comparisons. Generator: seedrandom's
 * xor4096 (long period, fast); nothing here reads Math.random or the clock.
 */
import xor4096 from 'seedrandom/lib/xor4096.js';

/** A uniform draw in [0, 1). */
export type Random = () => number;

export function streamSeed(seed: string, replication: number, name: string): string {
  return `${seed}\u001f${replication}\u001f${name}`;
}

export function createStream(seed: string, replication: number, name: string): Random {
  return xor4096(streamSeed(seed, replication, name));
}

/** The streams of one replication, created on first use by name. */
export class RandomStreams {
  private readonly streams = new Map<string, Random>();

  constructor(
    readonly seed: string,
    readonly replication: number,
  ) {}

  get(name: string): Random {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = createStream(this.seed, this.replication, name);
      this.streams.set(name, stream);
    }
    return stream;
  }
}

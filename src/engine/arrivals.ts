/**
 * Non-homogeneous Poisson arrivals with a piecewise-constant rate, sampled exactly: draw a unit
 * exponential amount of "cumulative intensity" and walk forward through the rate's pieces until it
 * is used up. No thinning, so no wasted draws at quiet hours; one unit exponential per arrival.
 */
import { standardExponential } from './exponential.ts';
import type { Random } from './random.ts';

export class PiecewiseArrivals {
  /** The last piece whose rate was asked for, and that rate: most arrivals fall in the same piece. */
  private cachedPiece = -1;
  private cachedRate = 0;

  /**
   * @param rateInPiece arrivals per second during piece `i` (piece i covers [i·width, (i+1)·width));
   *   a pure function of `i`, asked once per piece.
   * @param width piece length in seconds (the model uses one hour).
   */
  constructor(
    private readonly rateInPiece: (piece: number) => number,
    private readonly width: number,
    private readonly random: Random,
  ) {}

  /** The first arrival after `now`, or Infinity if none before `end`. */
  next(now: number, end: number): number {
    let need = standardExponential(this.random);
    let t = now;
    // Walk pieces by index (not by re-dividing t) so rounding can never stall the loop.
    for (let piece = Math.floor(now / this.width); t < end; piece++) {
      const pieceEnd = Math.min((piece + 1) * this.width, end);
      if (pieceEnd <= t) continue;
      if (piece !== this.cachedPiece) {
        this.cachedPiece = piece;
        this.cachedRate = this.rateInPiece(piece);
      }
      const rate = this.cachedRate;
      const available = rate * (pieceEnd - t);
      if (rate > 0 && available >= need) return t + need / rate;
      need -= available;
      t = pieceEnd;
    }
    return Infinity;
  }
}

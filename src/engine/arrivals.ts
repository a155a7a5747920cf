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
  /** The last arrival (0 before the first): the process is renewed from it. */
  private last = 0;

  /**
   * @param rateInPiece arrivals per second during piece `i` (piece i covers [i·width, (i+1)·width));
   *   a pure function of `i`, asked once per piece.
   * @param width piece length in seconds (the model uses one hour).
   * @param end no arrival at or after this time.
   */
  constructor(
    private readonly rateInPiece: (piece: number) => number,
    private readonly width: number,
    private readonly random: Random,
    private readonly end: number,
  ) {}

  /**
   * The next arrival, or Infinity once there is none before `end`. It keeps its own clock rather
   * than taking one, so the hot loop passes it no number to box.
   */
  next(): number {
    const end = this.end;
    let need = standardExponential(this.random);
    let t = this.last;
    // Walk pieces by index (not by re-dividing t) so rounding can never stall the loop.
    for (let piece = Math.floor(t / this.width); t < end; piece++) {
      const pieceEnd = Math.min((piece + 1) * this.width, end);
      if (pieceEnd <= t) continue;
      if (piece !== this.cachedPiece) {
        this.cachedPiece = piece;
        this.cachedRate = this.rateInPiece(piece);
      }
      const rate = this.cachedRate;
      const available = rate * (pieceEnd - t);
      if (rate > 0 && available >= need) {
        const at = t + need / rate;
        // Rounding can land the arrival on `end` itself, which is past the run.
        return (this.last = at < end ? at : Infinity);
      }
      need -= available;
      t = pieceEnd;
    }
    this.last = Infinity;
    return Infinity;
  }
}

// Type for the single generator module imported from seedrandom, which ships no per-file types.
declare module 'seedrandom/lib/xor4096.js' {
  /** The generator's state: 128 words, an index and a Weyl counter (all 32-bit integers). */
  export interface Xor4096State {
    X: number[];
    i: number;
    w: number;
  }
  function xor4096(seed: string): () => number;
  function xor4096(seed: string, options: { state: true }): (() => number) & { state(): Xor4096State };
  export default xor4096;
}

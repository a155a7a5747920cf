// Type for the single generator module imported from seedrandom, which ships no per-file types.
declare module 'seedrandom/lib/xor4096.js' {
  const xor4096: (seed: string) => () => number;
  export default xor4096;
}

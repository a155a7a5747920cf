/** A count with its noun in the right number, "1 row" and "5,268 rows", for every message that counts. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? noun : plural}`;
}

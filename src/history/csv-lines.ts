/**
 * The CSV grammar of a call-history file, one line at a time. A history never needs a field that
 * spans lines, so a quote is closed on its own line or the row is malformed: one stray quote costs
 * one row, never the rest of the file. Lines longer than any real row are cut off and reported, so
 * a file without newlines cannot grow memory. Sources are text, a Blob (browser File) or a Node
 * stream of bytes or text; bytes are decoded as UTF-8, or UTF-16 when a byte-order mark says so.
 */

/** A history row is a timestamp, a channel, a count and a call type: far below this. */
export const MAX_LINE_CHARS = 4096;

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
  /** Set when the line was longer than MAX_LINE_CHARS and was cut. */
  tooLong: boolean;
  /** Bytes (byte sources) or characters (text) consumed up to the end of this line. */
  cursor: number;
}

export type Source = string | Blob | AsyncIterable<string | Uint8Array>;

async function* chunks(source: Source): AsyncGenerator<{ text: string; consumed: number }> {
  if (typeof source === 'string') {
    yield { text: source, consumed: source.length };
    return;
  }
  const iterable: AsyncIterable<string | Uint8Array> = source instanceof Blob ? blobBytes(source) : source;
  let decoder: TextDecoder | undefined;
  let consumed = 0;
  for await (const chunk of iterable) {
    if (typeof chunk === 'string') {
      consumed += chunk.length;
      yield { text: chunk, consumed };
      continue;
    }
    if (!decoder) {
      const encoding = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      decoder = new TextDecoder(encoding);
    }
    consumed += chunk.byteLength;
    yield { text: decoder.decode(chunk, { stream: true }), consumed };
  }
  if (decoder) yield { text: decoder.decode(), consumed };
}

/** Reads a Blob a slice at a time (slices rather than blob.stream(), which jsdom lacks). */
async function* blobBytes(blob: Blob, sliceBytes = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += sliceBytes) yield new Uint8Array(await blob.slice(at, at + sliceBytes).arrayBuffer());
}

/** The lines of `source`, with \r\n or \n endings removed; a final newline gives no extra line. */
export async function* readLines(source: Source, maxChars = MAX_LINE_CHARS): AsyncGenerator<Line> {
  let number = 0;
  let partial = '';
  let tooLong = false;
  let cursor = 0;
  for await (const { text, consumed } of chunks(source)) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      let line = tooLong ? partial : partial + piece;
      if (line.length > maxChars) [line, tooLong] = [line.slice(0, maxChars), true];
      if (line.endsWith('\r')) line = line.slice(0, -1);
      yield { number: ++number, text: line, tooLong, cursor: consumed };
      partial = '';
      tooLong = false;
      start = nl + 1;
    }
    if (!tooLong) {
      partial += text.slice(start);
      if (partial.length > maxChars) [partial, tooLong] = [partial.slice(0, maxChars), true];
    }
    cursor = consumed;
  }
  if (partial !== '' || tooLong) yield { number: ++number, text: partial.endsWith('\r') ? partial.slice(0, -1) : partial, tooLong, cursor };
}

/** The delimiter a header line uses: the commonest of comma, tab, semicolon and bar (comma if none). */
export function detectDelimiter(header: string): string {
  let best = ',';
  let most = 0;
  for (const d of [',', '\t', ';', '|']) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/**
 * Splits one line into fields. Quoted fields may hold the delimiter and doubled quotes (""); a
 * quote left open, or text after a closing quote, is reported as the row's error.
 */
export function splitLine(line: string, delimiter = ','): { fields: string[]; error?: string } {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return { fields, error: `quote opened at column ${i + 1} is not closed on this line` };
        value += line.slice(j, q);
        if (line[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      fields.push(value);
      if (j === line.length) return { fields };
      if (line.slice(j, j + delimiter.length) !== delimiter) return { fields, error: `unexpected text after the closing quote at column ${j}` };
      i = j + delimiter.length;
      continue;
    }
    const next = line.indexOf(delimiter, i);
    const value = next < 0 ? line.slice(i) : line.slice(i, next);
    if (value.includes('"')) return { fields, error: `stray quote in field ${fields.length + 1}` };
    fields.push(value);
    if (next < 0) return { fields };
    i = next + delimiter.length;
  }
}

/**
 * Bytes to scenario text, shared by every entry point (a file on the command line, an imported
 * file in the app, a share link): the same size cap, the same encodings (UTF-8 with or without a
 * byte-order mark, UTF-16 with one), the same refusal of anything else.
 */

/** A county scenario is a few tens of KB; this leaves room for long special-day lists. */
export const MAX_SCENARIO_BYTES = 8 * 1024 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; message: string };

/** Why `size` bytes are too many for a scenario, or null; callers that know the size check it before reading. */
export function sizeProblem(size: number, maxBytes = MAX_SCENARIO_BYTES): string | null {
  return size > maxBytes ? `expected a scenario of at most ${maxBytes.toLocaleString('en')} bytes, got ${size.toLocaleString('en')}` : null;
}

export function scenarioText(bytes: Uint8Array, maxBytes = MAX_SCENARIO_BYTES): TextResult {
  const tooBig = sizeProblem(bytes.length, maxBytes);
  if (tooBig) return { ok: false, message: tooBig };
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    // The decoder drops a leading byte-order mark itself.
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: `expected text in ${encoding === 'utf-8' ? 'UTF-8 (or UTF-16 with a byte-order mark)' : encoding.toUpperCase()}, got bytes that are not` };
  }
}


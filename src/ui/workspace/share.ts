/**
 * Share links: the scenario JSON, UTF-8 encoded, deflated (raw DEFLATE via the browser's
 * CompressionStream) and written as base64url after `#z=`; a full county scenario stays a few KB.
 * Older uncompressed `#s=` links still open. The fragment never reaches a server, so any static host
 * works. Decoding only recovers the JSON value; the caller validates it like any imported file.
 * A link is unpacked no further than the size cap of a scenario file: a crafted link of a few MB
 * could otherwise inflate to gigabytes.
 */
import { MAX_SCENARIO_BYTES, scenarioText } from '../../scenario/text.ts';

export const SHARE_PREFIX = '#z=';
const PLAIN_PREFIX = '#s=';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const body = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeShare(json: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  return SHARE_PREFIX + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

export type Decoded = { ok: true; json: unknown } | { ok: false; message: string };

/** Inflates `bytes`, stopping as soon as the output passes `max` bytes (then returns null). */
async function inflateCapped(bytes: Uint8Array, max: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** `hash` is `location.hash`; anything but a share fragment gives undefined. */
export async function decodeShare(hash: string): Promise<Decoded | undefined> {
  const compressed = hash.startsWith(SHARE_PREFIX);
  if (!compressed && !hash.startsWith(PLAIN_PREFIX)) return undefined;
  const unreadable = (why: string): Decoded => ({ ok: false, message: `The link does not hold a readable scenario: ${why}.` });
  let bytes: Uint8Array | null;
  try {
    bytes = fromBase64Url(hash.slice(SHARE_PREFIX.length));
  } catch {
    return unreadable('after #z= it should hold only letters, digits, - and _');
  }
  if (compressed) {
    try {
      bytes = await inflateCapped(bytes, MAX_SCENARIO_BYTES);
    } catch {
      return unreadable('it could not be unpacked (it may have been cut short or altered)');
    }
    if (!bytes) return unreadable(`it unpacks to more than ${MAX_SCENARIO_BYTES.toLocaleString('en')} bytes, the most a scenario may have`);
  }
  const text = scenarioText(bytes);
  if (!text.ok) return unreadable(text.message);
  try {
    return { ok: true, json: JSON.parse(text.text) };
  } catch (error) {
    return unreadable(`it is not valid JSON (${(error as Error).message}; it may have been cut short)`);
  }
}

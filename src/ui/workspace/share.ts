/**
 * Share links: the scenario JSON, UTF-8 encoded, deflated (raw DEFLATE via the browser's
 * CompressionStream) and written as base64url after `#z=`; a full county scenario stays a few KB.
 * Older uncompressed `#s=` links still open. The fragment never reaches a server, so any static host
 * works. Decoding only recovers the JSON value; the caller validates it like any imported file.
 */

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

/** `hash` is `location.hash`; anything but a share fragment gives undefined. */
export async function decodeShare(hash: string): Promise<Decoded | undefined> {
  const compressed = hash.startsWith(SHARE_PREFIX);
  if (!compressed && !hash.startsWith(PLAIN_PREFIX)) return undefined;
  try {
    let bytes = fromBase64Url(hash.slice(SHARE_PREFIX.length));
    if (compressed) bytes = await pipe(bytes, new DecompressionStream('deflate-raw'));
    return { ok: true, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, message: 'The link does not hold a readable scenario (it may have been cut short).' };
  }
}

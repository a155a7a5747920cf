/**
 * Share links: the scenario JSON, UTF-8 encoded, as base64url after `#s=`. The fragment never reaches
 * a server, so any static host works. Decoding only recovers the JSON value; the caller validates it
 * like any imported file.
 */

export const SHARE_PREFIX = '#s=';

export function encodeShare(json: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return SHARE_PREFIX + btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export type Decoded = { ok: true; json: unknown } | { ok: false; message: string };

/** `hash` is `location.hash`; anything but a share fragment gives undefined. */
export function decodeShare(hash: string): Decoded | undefined {
  if (!hash.startsWith(SHARE_PREFIX)) return undefined;
  const body = hash.slice(SHARE_PREFIX.length).replaceAll('-', '+').replaceAll('_', '/');
  try {
    const binary = atob(body + '='.repeat((4 - (body.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return { ok: true, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, message: 'The link does not hold a readable scenario (it may have been cut short).' };
  }
}

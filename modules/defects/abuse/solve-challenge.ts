/**
 * The browser's half of the proof of work (no dependencies; imported by the web app): finds a
 * decimal nonce so that SHA-256(challenge + ":" + nonce) starts with `difficulty` zero bits.
 * About 2^difficulty digests (13 bits: ~8,000, a fraction of a second on a phone).
 */
export async function solveChallenge(challenge: string, difficulty: number, signal?: AbortSignal): Promise<string> {
  const encoder = new TextEncoder();
  for (let nonce = 0; ; nonce++) {
    if (signal?.aborted) throw new Error('aborted');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${nonce}`)));
    if (zeroBits(digest) >= difficulty) return String(nonce);
  }
}

/** Leading zero bits of a digest (the server checks with the same function). */
export function zeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

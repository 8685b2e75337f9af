/**
 * The JSON the web app's service worker receives. One aes128gcm record of 4096 octets holds at
 * most 3993 bytes of plaintext (RFC 8291 §4: 4096 minus the 86-byte header, the padding
 * delimiter and the 16-byte tag), and push services refuse larger bodies.
 */
export const MAX_PAYLOAD_BYTES = 3993;

export type WebPushMessage = { title: string; body: string; url: string; tag?: string; lang?: string; icon?: string };

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' });

const bytesOf = (m: WebPushMessage) => Buffer.byteLength(JSON.stringify(m));

/**
 * The message as JSON of at most MAX_PAYLOAD_BYTES: a body that does not fit is shortened (then
 * the title) at a character boundary — never inside an emoji or a combined letter — and ends
 * with "…". A url, tag or icon too long to leave room for any text is the caller's mistake.
 */
export function webPushPayload(message: WebPushMessage): string {
  const m: WebPushMessage = { title: message.title, body: message.body, url: message.url };
  for (const key of ['tag', 'lang', 'icon'] as const) if (message[key] !== undefined) m[key] = message[key];
  if (bytesOf(m) <= MAX_PAYLOAD_BYTES) return JSON.stringify(m);
  if (bytesOf({ ...m, title: ELLIPSIS, body: '' }) > MAX_PAYLOAD_BYTES) {
    throw new Error(`A push message's url, tag and icon take more than ${MAX_PAYLOAD_BYTES} bytes; nothing is left for its text.`);
  }
  const body = longestFitting(m.body, (body) => ({ ...m, body }));
  if (body !== undefined) return JSON.stringify({ ...m, body });
  if (bytesOf({ ...m, body: '' }) <= MAX_PAYLOAD_BYTES) return JSON.stringify({ ...m, body: '' });
  const title = longestFitting(m.title, (title) => ({ ...m, title, body: '' }));
  return JSON.stringify({ ...m, title: title ?? ELLIPSIS, body: '' });
}

/**
 * The longest start of `text` (whole graphemes, trailing space dropped) plus "…" whose message
 * fits, or undefined when not even one grapheme does. Binary search: JSON escaping makes the
 * size of a character unknown until it is serialised.
 */
function longestFitting(text: string, messageWith: (text: string) => WebPushMessage): string | undefined {
  const ends: number[] = [];
  for (const { index, segment } of graphemes.segment(text)) ends.push(index + segment.length);
  const candidate = (count: number) => text.slice(0, ends[count - 1]).trimEnd() + ELLIPSIS;
  let [fits, tooLong] = [0, ends.length];
  while (tooLong - fits > 1) {
    const mid = (fits + tooLong) >> 1;
    if (bytesOf(messageWith(candidate(mid))) <= MAX_PAYLOAD_BYTES) fits = mid;
    else tooLong = mid;
  }
  return fits > 0 ? candidate(fits) : undefined;
}

import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { TestPlatform } from '../../../test/harness.ts';

/** Solves a challenge as the browser does (written from the contract: SHA-256 of "challenge:nonce"). */
export function solve(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) if (powBits(challenge, String(n)) >= difficulty) return String(n);
}

/** Leading zero bits of SHA-256(challenge + ":" + nonce), counted here independently of the server's code. */
export function powBits(challenge: string, nonce: string): number {
  const hex = createHash('sha256').update(`${challenge}:${nonce}`).digest('hex');
  const bin = [...hex].map((h) => parseInt(h, 16).toString(2).padStart(4, '0')).join('');
  return bin.indexOf('1') === -1 ? bin.length : bin.indexOf('1');
}

/** A camera photo taken elsewhere: EXIF GPS of Berlin, a camera make and a copyright. */
export const photoFromBerlin = (width = 2400, height = 1800) =>
  sharp({ create: { width, height, channels: 3, background: '#6a8caf' } })
    .withExifMerge({ IFD0: { Make: 'Kamera', Copyright: 'Erika Mustermann' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '13/1 24/1 18/1' } })
    .jpeg()
    .toBuffer();

export type FormParts = { report?: unknown; challenge?: string; nonce?: string; website?: string; photos?: { name: string; data: Buffer; type?: string }[] };

/** A multipart body as a browser's FormData sends it. */
export async function multipartBody(parts: FormParts): Promise<{ payload: Buffer; contentType: string }> {
  const fd = new FormData();
  if (parts.report !== undefined) fd.append('report', typeof parts.report === 'string' ? parts.report : JSON.stringify(parts.report));
  if (parts.challenge !== undefined) fd.append('challenge', parts.challenge);
  if (parts.nonce !== undefined) fd.append('nonce', parts.nonce);
  fd.append('website', parts.website ?? '');
  for (const p of parts.photos ?? []) fd.append('photo', new Blob([new Uint8Array(p.data)], { type: p.type ?? 'image/jpeg' }), p.name);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

/** A fresh challenge from the API and its solution. */
export async function solvedChallenge(p: TestPlatform, host: string): Promise<{ challenge: string; nonce: string }> {
  const res = await p.http.inject({ method: 'GET', url: '/api/v1/defects/challenge', headers: { host } });
  const c = res.json();
  return { challenge: c.challenge, nonce: solve(c.challenge, c.difficulty) };
}

let keys = 0;
export const newSubmissionKey = () => `test-${process.pid}-${Date.now().toString(36)}-${keys++}`;

/** POST /api/v1/defects/reports with a solved challenge (unless given) and the photos. */
export async function postReport(p: TestPlatform, host: string, parts: FormParts, headers: Record<string, string> = {}) {
  const solved = parts.challenge === undefined ? await solvedChallenge(p, host) : { challenge: parts.challenge, nonce: parts.nonce ?? '0' };
  const { payload, contentType } = await multipartBody({ ...parts, ...solved });
  return p.http.inject({ method: 'POST', url: '/api/v1/defects/reports', headers: { host, 'content-type': contentType, ...headers }, payload });
}

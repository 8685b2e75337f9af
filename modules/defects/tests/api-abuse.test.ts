import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BB, startTestPlatform, WB, type TestPlatform } from '../../../test/harness.ts';
import { CHALLENGE_TTL_MS, issueChallenge } from '../abuse/proof-of-work.ts';
import { REPORTS_PER_DEVICE_PER_HOUR, REPORTS_PER_IP_PER_HOUR } from '../abuse/rate-limits.ts';
import { solveChallenge } from '../abuse/solve-challenge.ts';
import { multipartBody, newSubmissionKey, photoFromBerlin, powBits, solve, solvedChallenge, type FormParts } from './api-fixture.ts';

const near = { lat: 52.1417, lng: 12.59266 };

describe('abuse protection of the citizen API: honeypot, proof of work, rate limits', () => {
  let p: TestPlatform;
  let photo: Buffer;
  let ipSeq = 1;
  const ip = () => `10.1.${Math.floor(ipSeq / 250)}.${ipSeq++ % 250}`;
  before(async () => {
    p = await startTestPlatform({ env: { MEDIA_MAX_BYTES: String(1024 * 1024) } });
    photo = await photoFromBerlin(400, 300);
  });
  after(() => p.close());
  const db = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const count = async () => Number((await db().selectFrom('defect_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const report = (extra: Record<string, unknown> = {}) => ({ categoryCode: 'spielplatz', description: 'Schaukel kaputt', location: near, submissionKey: newSubmissionKey(), ...extra });
  const send = async (address: string, parts: FormParts, host = BB) => {
    const solved = parts.challenge === undefined ? await solvedChallenge(p, host) : { challenge: parts.challenge, nonce: parts.nonce ?? '0' };
    const { payload, contentType } = await multipartBody({ photos: [{ name: 'a.jpg', data: photo }], ...parts, ...solved });
    return p.http.inject({ method: 'POST', url: '/api/v1/defects/reports', headers: { host, 'content-type': contentType }, payload, remoteAddress: address });
  };
  const errorOf = (res: { statusCode: number; json: () => any }) => [res.statusCode, res.json().error?.code, res.json().error?.field];

  it('refuses a photo over the size limit with 413 before reading all of it', async () => {
    const noise = Buffer.alloc(1600 * 1200 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + (i >> 5) * 104729) & 0xff;
    const { default: sharp } = await import('sharp');
    const big = await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } }).jpeg({ quality: 100 }).toBuffer();
    assert.ok(big.length > 1024 * 1024, String(big.length));
    const res = await send(ip(), { report: report(), photos: [{ name: 'gross.jpg', data: big }] });
    assert.deepEqual(errorOf(res), [413, 'photo_tooLarge', 'photo']);
    assert.match(res.json().error.message, /zu groß: höchstens 1 MB/);
  });

  it('answers a filled honeypot like a filing, stores nothing and writes no file', async () => {
    const before = await count();
    const filesBefore = listFiles(path.join(p.mediaDir, 'defects'));
    const res = await send(ip(), { report: report(), website: 'http://spam.example' });
    assert.equal(res.statusCode, 201);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['id', 'moderation', 'status', 'token']);
    assert.ok(Number.isInteger(body.id) && body.id > 0);
    assert.equal(body.status, 'received');
    assert.equal(await count(), before);
    assert.deepEqual(listFiles(path.join(p.mediaDir, 'defects')), filesBefore);
  });

  it('issues signed challenges a browser solves quickly, and refuses wrong, forged, foreign, expired and reused ones', async () => {
    const c = (await p.http.inject({ method: 'GET', url: '/api/v1/defects/challenge', headers: { host: BB } })).json();
    assert.ok(c.difficulty >= 10 && c.difficulty <= 16);
    assert.ok(Date.parse(c.expiresAt) > Date.now());
    const started = Date.now();
    const nonce = await solveChallenge(c.challenge, c.difficulty);
    assert.ok(Date.now() - started < 2000, 'the client solver finds it fast (here in Node)');
    assert.ok(powBits(c.challenge, nonce) >= c.difficulty);

    let wrong = 0;
    while (powBits(c.challenge, String(wrong)) >= c.difficulty) wrong++;
    assert.deepEqual(errorOf(await send(ip(), { report: report(), challenge: c.challenge, nonce: String(wrong) })), [400, 'pow_failed', 'challenge']);
    const forged = c.challenge.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    assert.deepEqual(errorOf(await send(ip(), { report: report(), challenge: forged, nonce: solve(forged, c.difficulty) })), [400, 'challenge_invalid', 'challenge']);
    const easier = c.challenge.replace(/^(\d+\.\d+\.)\d+/, '$10');
    assert.deepEqual(errorOf(await send(ip(), { report: report(), challenge: easier, nonce: '0' })), [400, 'challenge_invalid', 'challenge'], 'the difficulty is signed');
    const foreign = await solvedChallenge(p, WB);
    assert.deepEqual(errorOf(await send(ip(), { report: report(), ...foreign })), [400, 'challenge_invalid', 'challenge'], 'another municipality\'s challenge');
    const old = await issueChallenge(db(), p.tenants.get('bad-belzig')!.id, Date.now() - CHALLENGE_TTL_MS - 1000);
    const expired = await send(ip(), { report: report(), challenge: old.challenge, nonce: solve(old.challenge, old.difficulty) });
    assert.deepEqual(errorOf(expired), [400, 'challenge_expired', 'challenge']);
    assert.match(expired.json().error.message, /abgelaufen/);
    assert.deepEqual(errorOf(await send(ip(), { report: report(), challenge: c.challenge, nonce: '' })), [400, 'challenge_invalid', 'challenge'], 'no nonce');

    const ok = await send(ip(), { report: report(), challenge: c.challenge, nonce });
    assert.equal(ok.statusCode, 201, ok.body);
    const reused = await send(ip(), { report: report(), challenge: c.challenge, nonce });
    assert.deepEqual(errorOf(reused), [400, 'challenge_used', 'challenge']);
    const failedFirst = await solvedChallenge(p, BB);
    assert.equal((await send(ip(), { report: report({ location: { lat: 52.52, lng: 13.4 } }), ...failedFirst })).statusCode, 400, 'outside the area');
    assert.equal((await send(ip(), { report: report(), ...failedFirst })).statusCode, 201, 'a filing that failed leaves its challenge usable');
  });

  it('limits attempts per device and per address with 429, Retry-After and a German message; a resend of a filed report passes', async () => {
    const device = `device-${Date.now()}`;
    const bad = { challenge: 'x', nonce: '0' };
    for (let i = 0; i < REPORTS_PER_DEVICE_PER_HOUR; i++) assert.equal((await send(ip(), { report: report({ deviceId: device }), ...bad })).statusCode, 400);
    const limited = await send(ip(), { report: report({ deviceId: device }) });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'rate_limited');
    assert.match(limited.json().error.message, /zu viele Meldungen.*Minute/);
    const wait = Number(limited.headers['retry-after']);
    assert.ok(wait >= 1 && wait <= 3600, String(limited.headers['retry-after']));
    assert.equal((await send(ip(), { report: report({ deviceId: `${device}-other` }) })).statusCode, 201, 'another device');

    const address = ip();
    const filed = report();
    assert.equal((await send(address, { report: filed })).statusCode, 201);
    for (let i = 1; i < REPORTS_PER_IP_PER_HOUR; i++) await send(address, { report: report({ deviceId: `d${i}` }), ...bad });
    assert.equal((await send(address, { report: report() })).statusCode, 429, 'the address is limited');
    const resend = await send(address, { report: filed });
    assert.equal(resend.statusCode, 200, 'a resend of a filed report is answered, not limited');
    assert.equal((await send(address, { report: report() }, WB)).statusCode !== 429, true, 'each municipality counts its own');
  });

  it('shares the count between processes on one PostgreSQL database', { skip: !process.env.TEST_DATABASE_URL && 'PostgreSQL only' }, async () => {
    const second = await startTestPlatform({ databaseUrl: p.databaseUrl, seed: false });
    try {
      const device = `shared-${Date.now()}`;
      const bad = { challenge: 'x', nonce: '0' };
      const half = REPORTS_PER_DEVICE_PER_HOUR / 2;
      for (let i = 0; i < half; i++) await send(ip(), { report: report({ deviceId: device }), ...bad });
      for (let i = 0; i < REPORTS_PER_DEVICE_PER_HOUR - half; i++) {
        const { payload, contentType } = await multipartBody({ report: report({ deviceId: device }), ...bad });
        const res = await second.http.inject({ method: 'POST', url: '/api/v1/defects/reports', headers: { host: BB, 'content-type': contentType }, payload, remoteAddress: ip() });
        assert.equal(res.statusCode, 400, res.body);
      }
      assert.equal((await send(ip(), { report: report({ deviceId: device }) })).statusCode, 429, 'the first process counts the second\'s attempts');
    } finally {
      await second.close();
    }
  });
});

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true }).map(String).sort();
  } catch {
    return [];
  }
}

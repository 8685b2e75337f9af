import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../core/config.ts';
import { ensureAccount } from '../../../core/auth/credentials.ts';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { S3Storage } from '../storage/s3-storage.ts';
import { deleteMedia, storeUpload } from '../media-library.ts';
import { smallPng } from './sample-files.ts';

const AUTH = /^AWS4-HMAC-SHA256 Credential=TESTKEY\/(\d{8})\/eu-central-1\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

/**
 * A stand-in for an S3 service: PUT and DELETE of objects in one bucket, path-style, refusing any
 * request whose SigV4 Authorization header, date or payload hash is malformed (as S3 would, 403).
 */
function fakeS3(bucket: string) {
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const log: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const auth = AUTH.exec(String(req.headers.authorization ?? ''));
      const date = String(req.headers['x-amz-date'] ?? '');
      const signed = auth?.[2]?.split(';') ?? [];
      const ok =
        auth &&
        /^\d{8}T\d{6}Z$/.test(date) &&
        date.startsWith(auth[1]!) &&
        ['host', 'x-amz-content-sha256', 'x-amz-date'].every((h) => signed.includes(h)) &&
        req.headers['x-amz-content-sha256'] === createHash('sha256').update(body).digest('hex');
      const key = decodeURIComponent((req.url ?? '').replace(`/${bucket}/`, ''));
      log.push(`${req.method} ${req.url}`);
      if (!ok || !(req.url ?? '').startsWith(`/${bucket}/`)) {
        res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      } else if (req.method === 'PUT') {
        objects.set(key, { body, contentType: String(req.headers['content-type']) });
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` }).end();
      } else if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    });
  });
  return { server, objects, log };
}

describe('S3-compatible media storage (SigV4 via aws4fetch)', () => {
  const s3 = fakeS3('dorfplatz-media');
  let endpoint: string;
  let p: TestPlatform;
  const config = (accessKey = 'TESTKEY') => ({ endpoint, bucket: 'dorfplatz-media', region: 'eu-central-1', accessKey, secretKey: 'test-secret', publicUrl: 'https://media.example.org' });

  before(async () => {
    await new Promise<void>((resolve) => s3.server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(s3.server.address() as AddressInfo).port}`;
    p = await startTestPlatform({ seed: false });
  });
  after(async () => {
    await p?.close();
    s3.server.close();
  });

  it('reads its configuration from MEDIA_S3_* (all or none)', () => {
    assert.equal(loadConfig({}).mediaS3, undefined);
    assert.equal(loadConfig({}).mediaMaxBytes, 20 * 1024 * 1024);
    const c = loadConfig({ MEDIA_S3_ENDPOINT: 'https://s3.example.org/', MEDIA_S3_BUCKET: 'media', MEDIA_S3_ACCESS_KEY: 'k', MEDIA_S3_SECRET_KEY: 's' }).mediaS3;
    assert.deepEqual(c, { endpoint: 'https://s3.example.org', bucket: 'media', region: 'us-east-1', accessKey: 'k', secretKey: 's', publicUrl: 'https://s3.example.org/media' });
    assert.throws(() => loadConfig({ MEDIA_S3_ENDPOINT: 'https://s3.example.org' }), /MEDIA_S3_BUCKET/);
  });

  it('puts and deletes signed objects and serves them from the public URL', async () => {
    const storage = new S3Storage(config());
    await storage.put('library/7/abc/480.webp', Buffer.from('webp-bytes'), 'image/webp');
    assert.deepEqual(s3.objects.get('library/7/abc/480.webp'), { body: Buffer.from('webp-bytes'), contentType: 'image/webp' });
    assert.equal(storage.urlOf('library/7/abc/480.webp'), 'https://media.example.org/library/7/abc/480.webp');
    assert.equal(storage.imageOrigin, 'https://media.example.org');
    await storage.remove(['library/7/abc/480.webp']);
    assert.equal(s3.objects.size, 0);
    await assert.rejects(new S3Storage(config('WRONGKEY')).put('library/7/x.webp', Buffer.from('x'), 'image/webp'), /403/);
  });

  it('stores an upload’s variants in the bucket and deletes them with the record', async () => {
    const tenant = await p.tenants.create({ slug: 's3-town', name: 'S3-Stadt', enabledModules: ['media'] });
    const accountId = await ensureAccount(p.database.system, { email: 'editor@s3-town.test', name: 'Editor' });
    const db = p.database.forTenant(tenant.id);
    const settings = { storage: new S3Storage(config()), maxBytes: 1024 * 1024 };
    const file = await storeUpload(db, tenant.id, { filename: 'feld.png', data: await smallPng() }, { alt: 'Rotes Feld', copyright: 'Test' }, accountId, settings);
    assert.match(file.url, new RegExp(`^https://media\\.example\\.org/library/${tenant.id}/[A-Za-z0-9_-]{22}/300\\.jpg$`));
    assert.deepEqual([...s3.objects.keys()].sort(), file.variants.map((v) => v.url.replace('https://media.example.org/', '')).sort());
    assert.equal(s3.objects.get(file.url.replace('https://media.example.org/', ''))?.contentType, 'image/jpeg');
    assert.equal(await deleteMedia(db, file.id, settings), true);
    assert.equal(s3.objects.size, 0);
  });
});

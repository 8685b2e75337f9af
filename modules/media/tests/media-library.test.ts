import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { AppError } from '../../../core/errors.ts';
import { deleteMedia, findMedia, searchMedia, storeUpload, updateMediaMeta, type MediaSettings } from '../media-library.ts';
import { LocalStorage } from '../storage/local-storage.ts';
import { fakeExe, jpegWithGps, pngBomb, smallPng, svgWithScript, tinyPdf } from './sample-files.ts';

describe('media library (storeUpload, findMedia, searchMedia)', () => {
  let p: TestPlatform;
  let db: Kysely<any>;
  let tenantId: number;
  let editorId: number;
  const meta = { alt: 'Blick über den Marktplatz', copyright: 'Stadt Bad Belzig' };
  const fileOnDisk = (url: string) => path.join(p.mediaDir, url.replace(/^\/media\//, ''));
  const tenantFolder = () => path.join(p.mediaDir, 'library', String(tenantId));
  const filesInTenantFolder = () => (existsSync(tenantFolder()) ? readdirSync(tenantFolder(), { recursive: true }).filter((f) => String(f).includes('.')) : []);
  const rowCount = async () => Number((await db.selectFrom('media_files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    p = await startTestPlatform({ seed: true });
    tenantId = p.tenants.get('bad-belzig')!.id;
    db = p.database.forTenant(tenantId);
    editorId = (await p.database.system.selectFrom('accounts').select('id').where('email', '=', 'editor@bad-belzig.demo').executeTakeFirstOrThrow()).id;
  });
  after(() => p?.close());

  const refusalOf = async (promise: Promise<unknown>): Promise<AppError> => {
    const err = await promise.then(
      () => assert.fail('the upload should have been refused'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, 'VALIDATION');
    return err;
  };

  it('refuses bad input with a German reason and leaves no file and no row behind', async () => {
    const cases: [string, Buffer, typeof meta, string, RegExp][] = [
      ['programm.jpg', fakeExe(), meta, 'unknown', /weder ein Bild .* noch ein PDF/],
      ['logo.svg', svgWithScript(), meta, 'svg', /SVG-Dateien werden nicht angenommen/],
      ['bombe.png', pngBomb(), meta, 'pixels', /100000 × 100000 Pixeln zu groß/],
      ['riesig.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(20 * 1024 * 1024)]), meta, 'tooLarge', /zu groß: höchstens 20 MB/],
      ['leer.png', Buffer.alloc(0), meta, 'empty', /ist leer/],
      ['kaputt.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]), meta, 'broken', /beschädigt/],
      ['ohne-alt.jpg', await jpegWithGps(400, 300), { alt: '  ', copyright: 'X' }, 'altMissing', /Alternativtext/],
      ['ohne-copyright.jpg', await jpegWithGps(400, 300), { alt: 'Ein Bild', copyright: '' }, 'copyrightMissing', /Copyright/],
    ];
    for (const [filename, data, m, reason, message] of cases) {
      const err = await refusalOf(storeUpload(db, tenantId, { filename, data }, m, editorId));
      assert.equal((err.details as { reason: string }).reason, reason, filename);
      assert.match(err.message, message, filename);
    }
    assert.equal(await rowCount(), 0);
    assert.deepEqual(filesInTenantFolder(), []);
  });

  it('removes the files already written when a later write fails', async () => {
    let puts = 0;
    const local = new LocalStorage(p.mediaDir, '/media');
    const flaky: MediaSettings = {
      maxBytes: 1024 * 1024,
      storage: { imageOrigin: null, urlOf: (k) => local.urlOf(k), remove: (k) => local.remove(k), put: async (k, d, c) => (++puts === 3 ? Promise.reject(new Error('disk full')) : local.put(k, d, c)) },
    };
    await assert.rejects(storeUpload(db, tenantId, { filename: 'a.png', data: await smallPng() }, meta, editorId, flaky), /disk full/);
    assert.equal(puts, 3);
    assert.equal(await rowCount(), 0);
    assert.deepEqual(filesInTenantFolder(), []);
  });

  it('turns a camera JPEG into upright WebP/AVIF variants and a JPEG fallback without EXIF or GPS', async () => {
    const original = await jpegWithGps(2000, 1200);
    assert.ok((await sharp(original).metadata()).exif?.toString('latin1').includes('Geheimer'), 'the sample carries EXIF');
    const file = await storeUpload(db, tenantId, { filename: 'C:\\Fotos\\Markt 2024.jpg', data: original }, meta, editorId);
    assert.equal(file.kind, 'image');
    assert.equal(file.fileName, 'Markt 2024.jpg');
    assert.equal(file.mime, 'image/jpeg');
    assert.equal(file.bytes, original.length);
    // Orientation 6: the 2000 × 1200 pixels are shown 1200 wide and 2000 high.
    assert.deepEqual([file.width, file.height], [1200, 2000]);
    assert.deepEqual(
      file.variants.map((v) => `${v.format}@${v.width}`),
      ['webp@480', 'avif@480', 'webp@960', 'avif@960', 'webp@1200', 'avif@1200', 'jpeg@1200'],
    );
    assert.match(file.url, new RegExp(`^/media/library/${tenantId}/[A-Za-z0-9_-]{22}/1200\\.jpg$`));
    for (const v of file.variants) {
      const data = readFileSync(fileOnDisk(v.url));
      const m = await sharp(data).metadata();
      assert.equal(m.format, v.format === 'avif' ? 'heif' : v.format, v.url);
      assert.equal(m.width, v.width);
      assert.equal(m.exif, undefined, `no EXIF in ${v.url}`);
      assert.ok(!data.includes('Geheimer'), `no camera data in ${v.url}`);
    }
    assert.equal((await sharp(readFileSync(fileOnDisk(file.url))).metadata()).height, 2000);
    assert.deepEqual(await findMedia(db, file.id), file);
  });

  it('never scales up, stores PDFs as they are, and finds by name, alt text and copyright', async () => {
    const png = await storeUpload(db, tenantId, { filename: 'klein.png', data: await smallPng(300, 200) }, { alt: 'Rotes Feld', copyright: 'Anna Grafik' }, editorId);
    assert.deepEqual(png.variants.map((v) => `${v.format}@${v.width}`), ['webp@300', 'avif@300', 'jpeg@300']);
    const pdf = await storeUpload(db, tenantId, { filename: 'Satzung über Gebühren.pdf', data: tinyPdf() }, { alt: '', copyright: '' }, editorId);
    assert.equal(pdf.kind, 'document');
    assert.equal(pdf.mime, 'application/pdf');
    assert.deepEqual(pdf.variants, []);
    assert.match(pdf.url, /\/satzung-uber-gebuhren\.pdf$/);
    assert.deepEqual(readFileSync(fileOnDisk(pdf.url)), tinyPdf());

    assert.deepEqual((await searchMedia(db, { q: 'grafik' })).items.map((m) => m.id), [png.id]);
    assert.deepEqual((await searchMedia(db, { q: 'SATZUNG' })).items.map((m) => m.id), [pdf.id]);
    assert.deepEqual((await searchMedia(db, { q: 'Marktplatz' })).items.length, 1);
    assert.equal((await searchMedia(db, { q: '100%' })).total, 0, 'wildcards are taken literally');
    assert.deepEqual((await searchMedia(db, { kind: 'document' })).items.map((m) => m.id), [pdf.id]);
    const page1 = await searchMedia(db, { perPage: 2, page: 1 });
    const page2 = await searchMedia(db, { perPage: 2, page: 2 });
    assert.equal(page1.total, 3);
    assert.deepEqual([...page1.items, ...page2.items].map((m) => m.id), [pdf.id, png.id, page2.items[0]!.id]);
  });

  it('edits alt text and copyright under the same rules, and deletes row and files', async () => {
    const file = await storeUpload(db, tenantId, { filename: 'weg.png', data: await smallPng() }, meta, editorId);
    const err = await refusalOf(updateMediaMeta(db, file.id, { alt: '', copyright: 'X' }));
    assert.equal((err.details as { reason: string }).reason, 'altMissing');
    assert.equal((await updateMediaMeta(db, file.id, { alt: 'Neuer Text', copyright: 'Neu' })).alt, 'Neuer Text');
    assert.equal(await deleteMedia(db, file.id), true);
    assert.equal(await findMedia(db, file.id), null);
    for (const v of file.variants) assert.ok(!existsSync(fileOnDisk(v.url)), v.url);
    assert.ok(!existsSync(path.dirname(fileOnDisk(file.url))), 'the upload’s folder is gone');
    assert.equal(await deleteMedia(db, file.id), false);
  });

  it('keeps each municipality’s library to itself', async () => {
    const wb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);
    const [own] = (await searchMedia(db, {})).items;
    assert.ok(own);
    assert.equal(await findMedia(wb, own.id), null);
    assert.equal((await searchMedia(wb, {})).total, 0);
    assert.equal(await deleteMedia(wb, own.id), false);
    assert.ok(await findMedia(db, own.id));
  });
});

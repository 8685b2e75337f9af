import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { AppError } from '../../../core/errors.ts';
import { Catalog } from '../model/catalog.ts';
import { applyCatalog } from '../store/apply-catalog.ts';
import { importCatalogFile } from '../import/import-file.ts';
import { MAX_IMPORT_BYTES } from '../import/upload-text.ts';

const bytesOf = (name: string) => readFileSync(new URL(`./import-fixtures/${name}`, import.meta.url));

describe('importing a file into the tenant’s file source', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startTestPlatform();
  });
  after(() => p?.close());
  const bb = () => p.database.forTenant(p.tenants.get('bad-belzig')!.id);
  const wb = () => p.database.forTenant(p.tenants.get('wiesenburg')!.id);
  const upload = (db: ReturnType<typeof bb>, fileName: string, bytes: Uint8Array) => importCatalogFile(db, { fileName, bytes, trigger: 'upload' });
  const serviceNames = async (db = bb()) => (await db.selectFrom('ozg_services').select('name').where('source', '=', 'file').orderBy('source_id').execute()).map((r) => r.name);
  const lastRun = async (db = bb()) => db.selectFrom('ozg_sync_runs').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  const status = async (db = bb()) => db.selectFrom('ozg_source_status').selectAll().where('source', '=', 'file').executeTakeFirstOrThrow();
  /** Runs `fn`, which must reject with an AppError of this status; returns its message. */
  const refused = async (fn: Promise<unknown>, httpStatus: number) => {
    const err = await fn.then(
      () => assert.fail('the import should have been refused'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.httpStatus, httpStatus, err.message);
    return err.message;
  };

  it('imports the XZuFi export: services with sanitised texts, authorities, responsibilities, a run and the source status', async () => {
    // A service of another source, which the file import must leave alone.
    await applyCatalog(bb(), 'zufi', Catalog.parse({ services: [{ sourceId: 'z1', name: 'Wohngeld beantragen' }] }));
    const outcome = await upload(bb(), 'xzufi-export.xml', bytesOf('xzufi-export.xml'));
    assert.equal(outcome.format, 'xml');
    assert.deepEqual(outcome.counts.services, { added: 3, changed: 0, removed: 0, unchanged: 0 });
    assert.deepEqual(outcome.counts.authorities, { added: 2, changed: 0, removed: 0, unchanged: 0 });
    assert.deepEqual(outcome.warnings, []);
    assert.deepEqual(await serviceNames(), ['Personalausweis beantragen', 'Hund zur Hundesteuer anmelden', 'Gewerbe anmelden']);

    const perso = await bb().selectFrom('ozg_services').selectAll().where('source_id', '=', 'BB-L-1001').executeTakeFirstOrThrow();
    assert.equal(perso.texts.description, '<p>Deutsche ab 16 Jahren müssen einen gültigen Ausweis besitzen.</p>', 'the script is gone');
    assert.equal(perso.leika_key, '99010004001000');
    assert.deepEqual(perso.forms, [{ name: 'Vollmacht zur Abholung', url: 'https://www.bad-belzig.example/formulare/vollmacht-personalausweis.pdf' }]);
    const responsible = await bb()
      .selectFrom('ozg_responsibilities as r')
      .innerJoin('ozg_authorities as a', 'a.id', 'r.authority_id')
      .innerJoin('ozg_services as s', 's.id', 'r.service_id')
      .select(['s.source_id as service', 'a.source_id as authority', 'r.area'])
      .orderBy('s.source_id')
      .orderBy('r.area')
      .execute();
    assert.deepEqual(responsible, [
      { service: 'BB-L-1001', authority: 'BB-OE-BUERGERBUERO', area: '120690017017' },
      { service: 'BB-L-1001', authority: 'WB-OE-BUERGERBUERO', area: '120690665665' },
      { service: 'BB-L-1002', authority: 'BB-OE-BUERGERBUERO', area: '120690017017' },
      { service: 'BB-L-1003', authority: 'BB-OE-BUERGERBUERO', area: '120690017017' },
    ]);
    const office = await bb().selectFrom('ozg_authorities').selectAll().where('source_id', '=', 'BB-OE-BUERGERBUERO').executeTakeFirstOrThrow();
    assert.deepEqual(office.payment_methods, ['Bargeld', 'girocard (EC-Karte)']);
    assert.equal(office.opening_hours.length, 5);

    const run = await lastRun();
    assert.equal(run.id, outcome.runId);
    assert.deepEqual([run.source, run.trigger, run.status, run.error], ['file', 'upload', 'succeeded', null]);
    assert.equal(run.counts.services.added, 3);
    assert.match(run.log.map((l: { message: string }) => l.message).join('\n'), /„xzufi-export\.xml“.*\n.*Als XZuFi-XML gelesen: 3 Leistungen, 4 Lebenslagen, 2 Behörden, 4 Zuständigkeiten/);
    const s = await status();
    assert.ok(s.last_success_at && s.last_attempt_at);
    assert.equal(s.last_error, null);
    assert.equal((await bb().selectFrom('ozg_services').select('name').where('source', '=', 'zufi').execute()).length, 1, 'the ZuFi service stays');
  });

  it('changes nothing when the same catalogue comes again, as XML or as JSON', async () => {
    const written = async () => (await bb().selectFrom('ozg_services').select(['source_id', 'updated_at']).where('source', '=', 'file').orderBy('source_id').execute()).map((r) => `${r.source_id} ${r.updated_at.toISOString()}`);
    const before = await written();
    const again = await upload(bb(), 'xzufi-export.xml', bytesOf('xzufi-export.xml'));
    assert.deepEqual(again.counts.services, { added: 0, changed: 0, removed: 0, unchanged: 3 });
    assert.deepEqual(again.counts.links, { added: 0, removed: 0 });
    const asJson = await upload(bb(), 'catalog.json', bytesOf('catalog.json'));
    assert.equal(asJson.format, 'json');
    assert.deepEqual(asJson.counts.services, { added: 0, changed: 0, removed: 0, unchanged: 3 });
    assert.deepEqual(asJson.counts.authorities, { added: 0, changed: 0, removed: 0, unchanged: 2 });
    assert.deepEqual(await written(), before, 'no row was rewritten');
  });

  it('keeps the last good copy when a file is broken, too large, of another kind or dangerous, and records the failed run', async () => {
    const good = await status();
    const before = await serviceNames();
    const broken = Buffer.from(bytesOf('xzufi-export.xml').toString('utf8').replace('</xzufi:hausnummer>', '</xzufi:hausnr>'));
    assert.match(await refused(upload(bb(), 'kaputt.xml', broken), 400), /fehlerhaft in Zeile 147, Spalte \d+/);
    let run = await lastRun();
    assert.equal(run.status, 'failed');
    assert.match(run.error, /Zeile 147/);
    assert.match(run.log.at(-1).message, /^Abgebrochen: Die XML-Datei ist fehlerhaft/);
    const afterFailure = await status();
    assert.match(afterFailure.last_error, /Zeile 147/);
    assert.equal(afterFailure.last_success_at.toISOString(), good.last_success_at.toISOString(), 'the last success stays');
    assert.ok(afterFailure.last_attempt_at > good.last_attempt_at);

    const xxe = Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<x><leistung><id>L1</id><bezeichnung>&xxe;</bezeichnung></leistung></x>');
    assert.match(await refused(upload(bb(), 'xxe.xml', xxe), 400), /DOCTYPE/);
    assert.match(await refused(upload(bb(), 'gross.json', new Uint8Array(MAX_IMPORT_BYTES + 1)), 413), /zu groß/);
    assert.match(await refused(upload(bb(), 'bild.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), 415), /weder JSON noch XML/);
    const emptied = Buffer.from(JSON.stringify({ format: 'dorfplatz-services', version: 1, services: [] }));
    assert.match(await refused(upload(bb(), 'leer.json', emptied), 400), /keine Leistungen/);

    run = await lastRun();
    assert.equal(run.status, 'failed');
    assert.doesNotMatch(JSON.stringify(await bb().selectFrom('ozg_sync_runs').select(['log', 'error']).execute()), /root:/, 'no file content was read');
    assert.deepEqual(await serviceNames(), before, 'the catalogue is as it was');
    const runs = await bb().selectFrom('ozg_sync_runs').select('status').where('source', '=', 'file').execute();
    assert.deepEqual(
      runs.map((r) => r.status).sort(),
      ['failed', 'failed', 'failed', 'failed', 'failed', 'succeeded', 'succeeded', 'succeeded'],
    );
  });

  it('imports into the uploading tenant only', async () => {
    const own = Buffer.from(JSON.stringify({ format: 'dorfplatz-services', version: 1, services: [{ sourceId: 'wb-1', name: 'Brennholz-Leseschein' }] }));
    const outcome = await upload(wb(), 'wiesenburg.json', own);
    assert.equal(outcome.counts.services.added, 1);
    assert.deepEqual(await serviceNames(wb()), ['Brennholz-Leseschein']);
    assert.deepEqual(await serviceNames(), ['Personalausweis beantragen', 'Hund zur Hundesteuer anmelden', 'Gewerbe anmelden'], 'Bad Belzig keeps its own');
    assert.equal((await wb().selectFrom('ozg_sync_runs').selectAll().where('trigger', '=', 'upload').execute()).length, 1, 'Wiesenburg sees only its run');
    const all = await p.database.system.selectFrom('ozg_services').select('tenant_id').where('source_id', '=', 'wb-1').execute();
    assert.deepEqual(all, [{ tenant_id: p.tenants.get('wiesenburg')!.id }]);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, eventually } from '../../../test/harness.ts';
import { assertRoundTrip } from '../../studio/tests/editor-round-trip.ts';
import { studioSuite } from '../../studio/tests/studio-suite.ts';
import { tourEditor } from '../studio/tour-editor.ts';

const TOURS = '/studio/inhalte/touren';
const FULL = `query($id: ID!) { tour(id: $id) {
  name description mobileDescription active payload tagList lengthKm meansOfTransportation
  addresses { street zip city kind geoLocation { latitude longitude } } contact { phone email firstName } webUrls { url description }
  mediaContents { sourceUrl { url } copyright } location { name regionName } operatingCompany { name } certificates { name } categories { name }
  geometryTourData { latitude longitude }
  tourStops { name description mobileDescription payload addresses { street city kind geoLocation { latitude longitude } } location { name geoLocation { latitude longitude } } mediaContents { sourceUrl { url } } }
} }`;

const GPX = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Seerunde</name><trkseg>
    <trkpt lat="52.1414" lon="12.5913"><ele>80</ele></trkpt>
    <trkpt lat="52.1514" lon="12.5913"><ele>82</ele></trkpt>
    <trkpt lat="52.1514" lon="12.6113"/>
  </trkseg></trk>
</gpx>`;

describe('studio editor for tours', () => {
  const s = studioSuite();
  const base = (csrf: string, fields: Record<string, string | string[]>) => ({ _csrf: csrf, _version: '0', _status: 'published', _publishAt: '', _unpublishAt: '', ...fields });
  const tourCount = async () => Number((await s.p.database.system.selectFrom('tours').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('lists tours and creates one with stops and a GPX track that the API returns as createTour would store it', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const list = await s.c.get(TOURS, editor.cookie);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Historischer Stadtrundgang/);
    const form = await s.c.get(`${TOURS}/neu`, editor.cookie);
    assert.match(form.body, /<caption>Stationen<\/caption>/);
    assert.match(form.body, /<textarea id="f-track" name="track"[^>]*data-track="/);

    const res = await s.c.post(
      `${TOURS}/neu`,
      base(editor.csrf, {
        name: 'Seerunde',
        meansOfTransportation: 'bike',
        city: 'Bad Belzig',
        'stops.0.name': 'Badestelle',
        'stops.0.description': 'Mit Steg.',
        'stops.0.latitude': '52,1514',
        'stops.0.longitude': '12.5913',
        'stops.2.name': 'Aussichtspunkt',
        track: GPX,
      }),
      editor.cookie,
    );
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(/touren\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const tour = (await s.p.gql(BB, FULL, { id })).body.data.tour;
    assert.deepEqual(tour.geometryTourData, [
      { latitude: 52.1414, longitude: 12.5913 },
      { latitude: 52.1514, longitude: 12.5913 },
      { latitude: 52.1514, longitude: 12.6113 },
    ]);
    assert.deepEqual(
      tour.tourStops.map((t: any) => [t.name, t.description, t.location?.geoLocation ?? null]),
      [
        ['Badestelle', 'Mit Steg.', { latitude: 52.1514, longitude: 12.5913 }],
        ['Aussichtspunkt', null, null],
      ],
    );
    // 1.11 km north, then 1.37 km east: 2.48 km, rounded.
    assert.equal(tour.lengthKm, 2);
    assert.equal(tour.meansOfTransportation, 'bike');
    assert.deepEqual(tour.addresses.map((a: any) => [a.city, a.kind]), [['Bad Belzig', 'start']]);

    // The form shows the track as lines from now on; its versions hold the lines too, not the file.
    const edit = await s.c.get(`${TOURS}/${id}`, editor.cookie);
    assert.match(edit.body, />52.1414, 12.5913\n52.1514, 12.5913\n52.1514, 12.6113<\/textarea>/);
    const snapshot = (await s.p.database.system.selectFrom('content_revisions').select('snapshot').where('record_type', '=', 'Tour').where('record_id', '=', id).executeTakeFirstOrThrow()).snapshot;
    assert.equal(snapshot.values.track, '52.1414, 12.5913\n52.1514, 12.5913\n52.1514, 12.6113');

    // What every content type gets from the studio: search, versions, duplicate, trash.
    assert.match((await s.c.get(`${TOURS}?q=Seerunde&status=published`, editor.cookie)).body, new RegExp(`href="${TOURS}/${id}"`));
    assert.match((await s.c.get(`${TOURS}/${id}/versionen`, editor.cookie)).body, /angelegt/);
    const copy = await s.c.get(`${TOURS}/neu?vorlage=${id}`, editor.cookie);
    assert.match(copy.body, /value="Kopie von Seerunde"/);
    assert.match(copy.body, /value="Badestelle"/);
    assert.equal((await s.c.post(`${TOURS}/${id}/papierkorb`, { _csrf: editor.csrf }, editor.cookie)).statusCode, 303);
    // On PostgreSQL the API's response cache learns of a studio write by a NOTIFY, a moment later.
    assert.ok(await eventually(async () => (await s.p.gql(BB, FULL, { id })).body.data.tour === null), 'hidden while in the trash');
    assert.equal((await s.c.post(`${TOURS}/${id}/wiederherstellen`, { _csrf: editor.csrf }, editor.cookie)).statusCode, 303);
  });

  it('refuses a broken GPX, coordinates out of range and too many points with a message, saving nothing', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const before = await tourCount();
    const attempt = (fields: Record<string, string>) => s.c.post(`${TOURS}/neu`, base(editor.csrf, { name: 'Fehlerhafte Tour', ...fields }), editor.cookie);

    const broken = await attempt({ track: '<gpx>\n<trk><trkseg>\n<trkpt lat="52.1" lon="12.5"/>\n<trkpt lat="52.2" lon="zwölf"/>\n</trkseg></trk></gpx>' });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.body, /„Streckenverlauf \(Track\)“, Zeile 4, Punkt 2: „zwölf“ ist keine Zahl\./);
    assert.match(broken.body, /lon=&quot;zwölf&quot;/, 'the sent text is shown again');

    const truncated = await attempt({ track: '<gpx><trk><trkseg>\n<trkpt lat="52.1" lon="12.5"/>' });
    assert.equal(truncated.statusCode, 400);
    assert.match(truncated.body, /endet, bevor &lt;trkseg> aus Zeile 1 geschlossen ist/);

    const empty = await attempt({ track: '<gpx version="1.1"><metadata><name>leer</name></metadata></gpx>' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /enthält keine Track- oder Routenpunkte/);

    const doctype = await attempt({ track: '<!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]><gpx><rte><rtept lat="1" lon="&x;"/></rte></gpx>' });
    assert.equal(doctype.statusCode, 400);
    assert.match(doctype.body, /aus Sicherheitsgründen nicht gelesen/);

    const lines = await attempt({ track: '52.1, 12.5\n95.2, 12.6', 'stops.0.name': 'Irgendwo', 'stops.0.latitude': '52.1', 'stops.0.longitude': '200', 'stops.1.latitude': '52.1', 'stops.1.longitude': '12.5' });
    assert.equal(lines.statusCode, 400);
    assert.match(lines.body, /Zeile 2: der Breitengrad 95.2 liegt nicht zwischen -90 und 90/);
    assert.match(lines.body, /Stationen, Zeile 1: der Längengrad muss eine Zahl zwischen -180 und 180 sein/);
    assert.match(lines.body, /Stationen, Zeile 2: bitte geben Sie einen Namen an/);
    assert.match(lines.body, /id="f-stops.0.longitude"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-stops.0.longitude"/);

    const many = await attempt({ track: Array.from({ length: 20_001 }, (_, i) => `52.${i}, 12.5`).join('\n') });
    assert.equal(many.statusCode, 400);
    assert.match(many.body, /hat mehr als 20\.000 Punkte/);

    assert.equal(await tourCount(), before, 'nothing saved');
  });

  it('edits imported tours without losing what the form does not show, and keeps each stop with its images', async () => {
    const admin = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const token = await s.p.token('bad-belzig-admin');
    const seeded = await s.p.database.system
      .selectFrom('tours as o')
      .innerJoin('tenants as t', 't.id', 'o.tenant_id')
      .select('o.id')
      .where('t.slug', '=', 'bad-belzig')
      .where('o.name', '=', 'Historischer Stadtrundgang')
      .executeTakeFirstOrThrow();
    await assertRoundTrip(s.p, s.c, { editor: tourEditor, id: seeded.id, session: admin, tenantSlug: 'bad-belzig', host: BB, query: FULL, token });
    const studioMade = await s.p.database.system.selectFrom('tours').select('id').where('name', '=', 'Seerunde').executeTakeFirstOrThrow();
    await assertRoundTrip(s.p, s.c, { editor: tourEditor, id: studioMade.id, session: admin, tenantSlug: 'bad-belzig', host: BB, query: FULL, token });

    // The first stop's row emptied, the last one moved up: the others keep their images, payload and point.
    const before = (await s.p.gql(BB, FULL, { id: seeded.id }, token)).body.data.tour;
    const page = await s.c.get(`${TOURS}/${seeded.id}`, admin.cookie);
    const loaded = (await tourEditor.load(s.p.database.forTenant(s.p.tenants.get('bad-belzig')!.id), seeded.id))!.values;
    const rows = (loaded.stops as Record<string, string>[]).slice(1);
    const [last] = rows.splice(-1);
    rows.unshift(last!);
    const stopFields = Object.fromEntries(rows.flatMap((r, i) => Object.entries(r).map(([k, v]) => [`stops.${i}.${k}`, v])));
    const { stops: _stops, ...others } = loaded;
    const res = await s.c.post(`${TOURS}/${seeded.id}`, { ...(others as Record<string, string | string[]>), ...stopFields, _csrf: admin.csrf, _version: /name="_version" value="(\d+)"/.exec(page.body)![1]!, _status: 'published', _publishAt: '', _unpublishAt: '' }, admin.cookie);
    assert.equal(res.statusCode, 303, res.body);
    const after = (await s.p.gql(BB, FULL, { id: seeded.id }, token)).body.data.tour;
    const kept = before.tourStops.slice(1);
    kept.unshift(kept.pop());
    assert.deepEqual(after.tourStops, kept);
  });
});

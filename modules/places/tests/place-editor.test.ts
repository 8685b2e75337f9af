import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { BB } from '../../../test/harness.ts';
import { assertRoundTrip } from '../../studio/tests/editor-round-trip.ts';
import { placeEditor } from '../studio/place-editor.ts';

const PLACES = '/studio/inhalte/orte';
const FULL = `query($id: ID!) { pointOfInterest(id: $id) {
  name description active payload tagList
  addresses { street zip city geoLocation { latitude longitude } } contact { phone email firstName } webUrls { url description }
  openingHours { weekday timeFrom timeTo open dateFrom dateTo description sortNumber useYear }
  priceInformations { name category amount description ageFrom ageTo groupPrice }
  lunches { text dates { dateStart dateEnd } lunchOffers { name price } }
  mediaContents { sourceUrl { url } copyright } location { name } operatingCompany { name } certificates { name } categories { name }
} }`;
import { studioSuite } from '../../studio/tests/studio-suite.ts';

describe('studio editor for places', () => {
  const s = studioSuite();

  it('creates a place with opening hours, prices and lunch offers from table rows, refusing bad cells', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const base = { _csrf: editor.csrf, _version: '0', _status: 'published', name: 'Hofcafé am Springbach' };
    const bad = await s.c.post(`${PLACES}/neu`, { ...base, 'openingHours.0.weekday': 'Montag', 'openingHours.0.timeFrom': '25:00', 'prices.0.name': 'Kuchen', 'prices.0.amount': 'drei Euro' }, editor.cookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Öffnungszeiten, Zeile 1: von“ ist keine gültige Uhrzeit|Öffnungszeiten, Zeile 1: von/);
    assert.match(bad.body, /ist kein Betrag/);
    assert.match(bad.body, /value="drei Euro"/, 'the typed cell is kept');

    const res = await s.c.post(
      `${PLACES}/neu`,
      {
        ...base,
        city: 'Bad Belzig',
        'openingHours.0.weekday': 'Freitag – Sonntag',
        'openingHours.0.timeFrom': '13:00',
        'openingHours.0.timeTo': '18:00',
        'openingHours.2.weekday': 'Montag',
        'openingHours.2.closed': 'on',
        'prices.0.name': 'Stück Kuchen',
        'prices.0.amount': '3,50',
        'lunches.0.from': '2026-12-01',
        'lunches.0.to': '2026-12-05',
        'lunches.0.dish': 'Linsensuppe',
        'lunches.0.price': '6,00 €',
        'lunches.1.from': '2026-12-01',
        'lunches.1.to': '2026-12-05',
        'lunches.1.dish': 'Quarkkeulchen',
      },
      editor.cookie,
    );
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(/orte\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const place = (await s.p.gql(BB, FULL, { id })).body.data.pointOfInterest;
    assert.deepEqual(
      place.openingHours.map((o: any) => [o.weekday, o.timeFrom, o.timeTo, o.open]),
      [
        ['Freitag – Sonntag', '13:00', '18:00', true],
        ['Montag', '', '', false],
      ],
    );
    assert.deepEqual(place.priceInformations.map((x: any) => [x.name, x.amount]), [['Stück Kuchen', 3.5]]);
    assert.deepEqual(place.lunches.map((l: any) => l.lunchOffers.map((o: any) => o.name)), [['Linsensuppe', 'Quarkkeulchen']]);
  });

  it('edits imported places (with seasons, price groups, lunches) without losing anything the form does not show', async () => {
    const admin = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const token = await s.p.token('bad-belzig-admin');
    const rich = await s.p.database.system
      .selectFrom('points_of_interest as o')
      .innerJoin('tenants as t', 't.id', 'o.tenant_id')
      .select('o.id')
      .where('t.slug', '=', 'bad-belzig')
      .orderBy(sql`jsonb_array_length(o.opening_hours) + jsonb_array_length(o.price_informations)`, 'desc')
      .executeTakeFirstOrThrow();
    await assertRoundTrip(s.p, s.c, { editor: placeEditor, id: rich.id, session: admin, tenantSlug: 'bad-belzig', host: BB, query: FULL, token });
    const withLunch = await s.p.database.system.selectFrom('lunches').select('point_of_interest_id as id').orderBy('id').executeTakeFirstOrThrow();
    await assertRoundTrip(s.p, s.c, { editor: placeEditor, id: withLunch.id, session: admin, tenantSlug: 'bad-belzig', host: BB, query: FULL, token });
  });
});

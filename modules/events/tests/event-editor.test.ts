import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB } from '../../../test/harness.ts';
import { assertRoundTrip } from '../../studio/tests/editor-round-trip.ts';
import { berlinDate } from '../../../lib/berlin-time.ts';
import { eventEditor } from '../studio/event-editor.ts';

const EVENTS = '/studio/inhalte/veranstaltungen';
const FULL = `query($id: ID!) { eventRecord(id: $id) {
  title description recurring recurringType recurringInterval recurringWeekdays
  dates { dateStart dateEnd timeStart timeEnd timeDescription }
  addresses { street zip city } location { name } organizer { name } urls { url }
  priceInformations { name amount } contacts { firstName lastName email } mediaContents { sourceUrl { url } copyright }
  categories { name } tagList
} }`;
import { studioSuite } from '../../studio/tests/studio-suite.ts';

describe('studio editor for events', () => {
  const s = studioSuite();

  const day = (offset: number) => berlinDate(new Date(Date.now() + offset * 86_400_000));
  const base = (csrf: string, fields: Record<string, string | string[]>) => ({ _csrf: csrf, _version: '0', _status: 'published', _publishAt: '', _unpublishAt: '', ...fields });

  it('creates a weekly recurring event whose occurrences the app lists at once', async () => {
    const editor = await s.c.session('editor@bad-belzig.demo', 'demo-studio-editor');
    const form = await s.c.get(`${EVENTS}/neu`, editor.cookie);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<legend>Wiederholung<\/legend>/);

    const bad = await s.c.post(`${EVENTS}/neu`, base(editor.csrf, { title: 'Lauftreff', dateStart: day(3), dateEnd: day(1), recurring: 'on', recurringType: '1', recurringInterval: '0' }), editor.cookie);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Der letzte Tag liegt vor dem ersten/);
    assert.match(bad.body, /mindestens einen Wochentag/);
    assert.match(bad.body, /ganze Zahl von 1 bis 1000/);

    const res = await s.c.post(
      `${EVENTS}/neu`,
      base(editor.csrf, { title: 'Lauftreff am See', dateStart: day(1), dateEnd: day(60), timeStart: '18:30', timeEnd: '19:30', recurring: 'on', recurringType: '1', recurringInterval: '1', recurringWeekdays: ['1', '3'], locationName: 'Strandbad', city: 'Bad Belzig', organizer: 'Laufgruppe Fläming' }),
      editor.cookie,
    );
    assert.equal(res.statusCode, 303, res.body);
    const id = Number(/veranstaltungen\/(\d+)/.exec(String(res.headers.location))?.[1]);
    const event = (await s.p.gql(BB, FULL, { id })).body.data.eventRecord;
    assert.equal(event.recurring, true);
    assert.deepEqual(event.recurringWeekdays.map(String), ['1', '3']);
    assert.equal(event.location.name, 'Strandbad');
    assert.equal(event.organizer.name, 'Laufgruppe Fläming');
    const listed = (await s.p.gql(BB, `{ eventRecords(limit: 100, dateRange: ["${day(0)}", "${day(14)}"]) { id listDate date { dateStart } } }`)).body.data.eventRecords.filter((e: { id: string }) => Number(e.id) === id);
    assert.ok(listed.length >= 3 && listed.length <= 5, `two weekdays over two weeks, got ${listed.length}`);
  });

  it('edits an imported event without losing what the form does not show', async () => {
    const editor = await s.c.session('redaktion@bad-belzig.demo', 'demo-studio-admin');
    const rows = await s.p.database.system
      .selectFrom('event_records as e')
      .innerJoin('tenants as t', 't.id', 'e.tenant_id')
      .select(['e.id'])
      .where('t.slug', '=', 'bad-belzig')
      .where('e.parent_id', 'is', null)
      .orderBy('e.id')
      .execute();
    // The richest seeded event: the one with the most sub-resources.
    let richest = { id: 0, size: -1 };
    for (const r of rows) {
      const e = (await s.p.gql(BB, FULL, { id: r.id }, await s.p.token('bad-belzig-admin'))).body.data.eventRecord;
      const size = JSON.stringify([e.priceInformations, e.contacts, e.mediaContents, e.tagList, e.dates]).length;
      if (size > richest.size) richest = { id: r.id, size };
    }
    await assertRoundTrip(s.p, s.c, { editor: eventEditor, id: richest.id, session: editor, tenantSlug: 'bad-belzig', host: BB, query: FULL, token: await s.p.token('bad-belzig-admin') });
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { berlinToday } from '../occurrences.ts';
import { ensureEventCategories } from '../seed.ts';

/** createEventRecord with every argument as a variable, as importers and the CMS send it. */
const CREATE = /* GraphQL */ `
  mutation CreateEventRecord(
    $id: ID, $forceCreate: Boolean, $parentId: Int, $description: String, $externalId: String, $title: String,
    $dates: [DateInput!], $repeat: Boolean, $repeatDuration: RepeatDurationInput, $categoryName: String,
    $categories: [CategoryInput!], $regionName: String, $addresses: [AddressInput!], $location: LocationInput,
    $contacts: [ContactInput!], $urls: [WebUrlInput!], $mediaContents: [MediaContentInput!], $organizer: OperatingCompanyInput,
    $priceInformations: [PriceInput!], $accessibilityInformation: AccessibilityInformationInput, $tags: [String!],
    $recurring: String, $recurringWeekdays: [String!], $recurringType: String, $recurringInterval: String
  ) {
    createEventRecord(
      id: $id, forceCreate: $forceCreate, parentId: $parentId, description: $description, externalId: $externalId, title: $title,
      dates: $dates, repeat: $repeat, repeatDuration: $repeatDuration, categoryName: $categoryName, categories: $categories,
      regionName: $regionName, addresses: $addresses, location: $location, contacts: $contacts, urls: $urls,
      mediaContents: $mediaContents, organizer: $organizer, priceInformations: $priceInformations,
      accessibilityInformation: $accessibilityInformation, tags: $tags, recurring: $recurring,
      recurringWeekdays: $recurringWeekdays, recurringType: $recurringType, recurringInterval: $recurringInterval
    ) {
      id title description externalId parentId visible repeat createdAt updatedAt listDate
      recurring recurringType recurringInterval recurringWeekdays tagList regionId region { id name }
      repeatDuration { id startDate endDate everyYear }
      dates { id weekday dateStart dateEnd timeStart timeEnd timeDescription useOnlyTimeDescription }
      category { name }
      categories { id name }
      dataProvider { id name }
      addresses { id addition street zip city kind geoLocation { latitude longitude } }
      location { id name department district regionName state geoLocation { latitude longitude } }
      contacts { id firstName lastName phone fax email webUrls { id url description } }
      urls { id url description }
      mediaContents { id contentType captionText copyright width height sourceUrl { url } }
      organizer { id name address { street city } contact { firstName email } }
      priceInformations { id name category amount groupPrice ageFrom ageTo minAdultCount maxAdultCount minChildrenCount maxChildrenCount description }
      accessibilityInformation { id description types urls { url description } }
    }
  }
`;

const DESTROY = `mutation($id: ID, $externalId: String) { destroyRecord(id: $id, externalId: $externalId, recordType: "EventRecord") { id status statusCode } }`;
const VISIBILITY = `mutation($id: ID!, $visible: Boolean!) { changeVisibility(id: $id, recordType: "EventRecord", visible: $visible) { id status statusCode } }`;
const LISTED = `query($ids: [ID]) { eventRecords(ids: $ids) { id date { id dateStart } } }`;

const DAY = 86_400_000;
function plus(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY).toISOString().slice(0, 10);
}

describe('createEventRecord, destroyRecord, changeVisibility (mutations)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let readOnly: string;
  let wbAdmin: string;
  let db: Kysely<any>;
  let today: string;

  const count = async (table = 'event_records', on: Kysely<any> = db): Promise<number> =>
    Number((await on.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function create(vars: Record<string, unknown>, token = importer, host = BB): Promise<any> {
    const res = await p.gql(host, CREATE, vars, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.createEventRecord;
  }

  async function createFails(vars: Record<string, unknown>, token: string | null = importer, host = BB): Promise<{ message: string; extensions: { code: string } }> {
    const res = await p.gql(host, CREATE, vars, token ?? undefined);
    assert.ok(res.body.errors?.length, `expected an error, got ${JSON.stringify(res.body.data)}`);
    assert.equal(res.body.data, null);
    return res.body.errors[0];
  }

  const occurrencesOf = async (id: string | number) =>
    (await db.selectFrom('event_occurrences').select(['id', 'starts_on', 'ends_on', 'generated']).where('event_record_id', '=', Number(id)).orderBy('starts_on').orderBy('id').execute()) as Array<{
      id: number;
      starts_on: string;
      ends_on: string;
      generated: boolean;
    }>;
  const expandJobs = (id: string | number) => p.database.system.selectFrom('jobs').selectAll().where('dedupe_key', '=', `events.expand-recurrence:${id}`).where('status', '=', 'queued').execute();

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbAdmin] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-admin'].map((c) => p.token(c)));
    const bb = p.tenants.get('bad-belzig')!;
    db = p.database.forTenant(bb.id);
    today = berlinToday();
    // A read-only account (mainserver role read_only): may read, never write.
    readOnly = await p.tokenWithRole('bad-belzig', 'read_only');
  });
  after(() => p.close());

  describe('permissions', () => {
    it('refuses anonymous, app, read-only and foreign tokens; writes nothing', async () => {
      const before = await count();
      const vars = { title: 'Darf nicht', dates: [{ dateStart: plus(today, 1) }] };
      assert.equal((await createFails(vars, null)).extensions.code, 'UNAUTHENTICATED');
      for (const token of [app, readOnly]) {
        const err = await createFails(vars, token);
        assert.equal(err.message, 'Access not permitted!');
        assert.equal(err.extensions.code, 'FORBIDDEN');
      }
      assert.equal((await createFails(vars, wbAdmin, BB)).extensions.code, 'UNAUTHENTICATED');
      assert.equal(await count(), before);
    });

    it('a data provider may update, hide and delete only its own events', async () => {
      const byAdmin = await create({ title: 'Von der Redaktion', externalId: 'perm-admin', dates: [{ dateStart: plus(today, 2) }] }, admin);
      const err = await createFails({ id: byAdmin.id, title: 'Übernommen' });
      assert.equal(err.extensions.code, 'FORBIDDEN');
      const hide = await p.gql(BB, VISIBILITY, { id: byAdmin.id, visible: false }, importer);
      assert.equal(hide.body.data.changeVisibility.statusCode, 403);
      const destroy = await p.gql(BB, DESTROY, { id: byAdmin.id }, importer);
      assert.equal(destroy.body.data.destroyRecord.statusCode, 403);
      assert.equal((await p.gql(BB, LISTED, { ids: [byAdmin.id] }, app)).body.data.eventRecords.length, 1);
      // the same externalId from another provider is another event
      const own = await create({ title: 'Vom Importer', externalId: 'perm-admin', dates: [{ dateStart: plus(today, 2) }] });
      assert.notEqual(own.id, byAdmin.id);
      assert.equal(own.dataProvider.name, 'Stadtverwaltung Bad Belzig');
      // an admin may update the importer's event
      const edited = await create({ id: own.id, title: 'Von der Redaktion korrigiert', dates: [{ dateStart: plus(today, 3) }] }, admin);
      assert.equal(edited.id, own.id);
      assert.equal(edited.dataProvider.name, 'Stadtverwaltung Bad Belzig', 'the owner stays');
    });
  });

  describe('create and read back', () => {
    it('stores every field and nested part in the mainserver formats', async () => {
      const e = await create({
        externalId: 'full-1',
        title: 'Sommerkonzert im Burghof',
        description: 'Klassik & Jazz unter freiem Himmel',
        parentId: 7,
        dates: [
          { weekday: 'Samstag', dateStart: `${plus(today, 10)} 19:30`, dateEnd: '', timeStart: '19:30:00', timeEnd: '22:00', timeDescription: 'Einlass 19 Uhr', useOnlyTimeDescription: false },
          { dateStart: plus(today, 11).split('-').reverse().join('.'), timeStart: '9:05' },
        ],
        repeat: false,
        repeatDuration: { startDate: plus(today, 10), endDate: '', everyYear: true },
        categoryName: 'Konzerte & Musik',
        categories: [{ name: 'Kultur & Freizeit' }, { name: '' }, { name: 'Konzerte & Musik' }],
        regionName: 'Hoher Fläming',
        addresses: [{ addition: 'Burghof', street: 'Wittenberger Straße 14', zip: '14806', city: 'Bad Belzig', kind: 'default', geoLocation: { latitude: '52,1438', longitude: 12.5938 } }],
        location: { name: 'Burg Eisenhardt', department: 'Kultur', district: 'Potsdam-Mittelmark', regionName: 'Fläming', state: 'Brandenburg', geoLocation: { latitude: 52.14, longitude: 12.59 } },
        contacts: [{ firstName: 'Jens', lastName: 'Warnecke', phone: '033841 1234', email: 'karten@example.org', webUrls: [{ url: 'https://example.org', description: 'Web' }, { url: ' ' }] }],
        urls: [{ url: 'https://example.org/konzert', description: 'Programm' }, { url: '' }],
        mediaContents: [{ contentType: 'image', captionText: 'Bühne', copyright: 'Verein', width: '800', height: 600, sourceUrl: { url: '/media/demo/burg-eisenhardt.jpg' } }],
        organizer: { name: 'Kulturverein', address: { street: 'Marktplatz 1', city: 'Bad Belzig' }, contact: { firstName: 'Anna', email: 'anna@example.org' } },
        priceInformations: [{ name: 'Erwachsene', category: 'Abendkasse', amount: 12.5, groupPrice: false, ageFrom: 18, description: 'inkl. Garderobe' }, { name: 'Familien', amount: 30, groupPrice: true, minAdultCount: 1, maxAdultCount: 2, minChildrenCount: 1, maxChildrenCount: 3 }],
        accessibilityInformation: { description: 'Stufenlos', types: 'wheelchair', urls: [{ url: 'https://example.org/barrierefrei', description: 'Info' }] },
        tags: ['Musik', ' ', 'Open Air', 'Musik'],
      });
      assert.equal(e.title, 'Sommerkonzert im Burghof');
      assert.equal(e.description, 'Klassik & Jazz unter freiem Himmel', 'plain text is stored as sent');
      assert.equal(e.externalId, 'full-1');
      assert.equal(e.parentId, 7);
      assert.equal(e.visible, true);
      assert.match(e.createdAt, RUBY_TIMESTAMP);
      assert.deepEqual(
        e.dates.map((d: any) => [d.weekday, d.dateStart, d.dateEnd, d.timeStart, d.timeEnd, d.timeDescription, d.useOnlyTimeDescription]),
        [
          ['Samstag', plus(today, 10), '', '19:30', '22:00', 'Einlass 19 Uhr', 'false'],
          [null, plus(today, 11), '', '09:05', '', null, 'false'],
        ],
      );
      assert.equal(e.listDate, plus(today, 10));
      assert.deepEqual(e.repeatDuration, { id: e.repeatDuration.id, startDate: plus(today, 10), endDate: null, everyYear: true });
      assert.deepEqual(e.categories.map((c: any) => c.name), ['Konzerte & Musik', 'Kultur & Freizeit']);
      assert.equal(e.category.name, 'Konzerte & Musik', 'the deprecated category is the first given');
      assert.deepEqual(e.region, { id: e.regionId, name: 'Hoher Fläming' });
      assert.deepEqual(e.addresses.map((a: any) => [a.street, a.city, a.kind, a.geoLocation]), [['Wittenberger Straße 14', 'Bad Belzig', 'default', { latitude: 52.1438, longitude: 12.5938 }]]);
      assert.equal(e.location.name, 'Burg Eisenhardt');
      assert.equal(e.location.regionName, null, 'write-only as in the mainserver');
      assert.deepEqual(e.contacts[0].webUrls.map((u: any) => u.url), ['https://example.org'], 'blank URLs are dropped');
      assert.deepEqual(e.urls.map((u: any) => u.url), ['https://example.org/konzert']);
      assert.deepEqual([e.mediaContents[0].width, e.mediaContents[0].height, e.mediaContents[0].sourceUrl.url], [800, 600, 'http://bad-belzig.localhost/media/demo/burg-eisenhardt.jpg']);
      assert.deepEqual([e.organizer.name, e.organizer.address.street, e.organizer.contact.email], ['Kulturverein', 'Marktplatz 1', 'anna@example.org']);
      assert.deepEqual(e.priceInformations.map((x: any) => [x.name, x.amount, x.groupPrice]), [['Erwachsene', 12.5, false], ['Familien', 30, true]]);
      assert.equal(e.accessibilityInformation.urls[0].url, 'https://example.org/barrierefrei');
      assert.deepEqual(e.tagList, ['Musik', 'Open Air']);
      const partIds = [e.dates[0].id, e.dates[1].id, e.addresses[0].id, e.contacts[0].id, e.urls[0].id, e.organizer.id, e.priceInformations[0].id];
      assert.equal(new Set(partIds).size, partIds.length, 'every part has its own id');
      // both dates are listed, each under its day
      const listed = (await p.gql(BB, LISTED, { ids: [e.id] }, app)).body.data.eventRecords;
      assert.deepEqual(listed.map((l: any) => [l.date.id, l.date.dateStart]), [[e.dates[0].id, plus(today, 10)], [e.dates[1].id, plus(today, 11)]]);
    });

    it('sanitises HTML descriptions', async () => {
      const e = await create({ title: 'HTML', forceCreate: true, description: '<p onclick="x()">Hallo <script>alert(1)</script><a href="javascript:alert(2)">Link</a> &amp; mehr</p>' });
      assert.equal(e.description, '<p>Hallo <a>Link</a> &amp; mehr</p>');
    });
  });

  describe('upsert (reference §4.3)', () => {
    const base = () => ({
      externalId: 'upsert-1',
      title: 'Lesung in der Bibliothek',
      dates: [{ dateStart: plus(today, 6), timeStart: '19:00' }],
      addresses: [{ street: 'Weitzgrunder Straße 3', city: 'Bad Belzig' }],
      contacts: [{ firstName: 'Erika', email: 'erika@example.org' }],
      categoryName: 'Vorträge & Lesungen',
    });

    it('unchanged input only touches the record; changed input replaces it in place', async () => {
      const first = await create(base());
      const row = async () => db.selectFrom('event_records').select(['updated_at', 'import_touched_at']).where('id', '=', Number(first.id)).executeTakeFirstOrThrow();
      const before = await row();
      const again = await create(base());
      assert.equal(again.id, first.id);
      assert.equal(again.updatedAt, first.updatedAt);
      assert.deepEqual(again.dates.map((d: any) => d.id), first.dates.map((d: any) => d.id), 'nothing was rewritten');
      const touched = await row();
      assert.equal(new Date(touched.updated_at).getTime(), new Date(before.updated_at).getTime());
      assert.ok(new Date(touched.import_touched_at) > new Date(before.import_touched_at));

      const changed = await create({ ...base(), dates: [{ dateStart: plus(today, 8), timeStart: '20:00' }], contacts: [], categoryName: 'Kultur & Freizeit' });
      assert.equal(changed.id, first.id);
      assert.deepEqual(changed.dates.map((d: any) => [d.dateStart, d.timeStart]), [[plus(today, 8), '20:00']]);
      assert.deepEqual(changed.contacts, [], 'omitted sub-resources disappear');
      assert.deepEqual(changed.categories.map((c: any) => c.name), ['Kultur & Freizeit']);
      assert.deepEqual((await occurrencesOf(first.id)).map((o) => o.starts_on), [plus(today, 8)], 'old dates are no longer listed');
    });

    it('without externalId the key is title, first address and first date; forceCreate always creates', async () => {
      const vars = { ...base(), externalId: undefined, title: 'Schlüsseltest' };
      const a = await create(vars);
      const b = await create({ ...vars, description: 'geändert' });
      assert.equal(b.id, a.id);
      assert.equal(b.description, 'geändert');
      const otherDay = await create({ ...vars, dates: [{ dateStart: plus(today, 7), timeStart: '19:00' }] });
      assert.notEqual(otherDay.id, a.id);
      const forced = await create({ ...vars, forceCreate: true });
      assert.ok(![a.id, otherDay.id].includes(forced.id));
    });

    it('updates by id; unknown or junk ids are refused', async () => {
      const a = await create({ ...base(), externalId: 'by-id' });
      const b = await create({ id: a.id, title: 'Neuer Titel' });
      assert.equal(b.id, a.id);
      assert.deepEqual([b.title, b.dates, b.addresses], ['Neuer Titel', [], []]);
      assert.equal((await createFails({ id: '999999', title: 'x' })).extensions.code, 'NOT_FOUND');
      assert.match((await createFails({ id: 'abc', title: 'x' })).message, /id must be a positive whole number/);
    });
  });

  describe('bad input', () => {
    const valid = { title: 'Gültig', dates: [{ dateStart: '2030-05-01' }] };
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['missing title', { title: '  ' }, /title is required/],
      ['no calendar date', { dates: [{ dateStart: '31.02.2030' }] }, /not a calendar date/],
      ['no date at all', { dates: [{ dateStart: 'morgen' }] }, /is not a date/],
      ['end before start', { dates: [{ dateStart: '2030-05-02', dateEnd: '2030-05-01' }] }, /ends \(2030-05-01\) before it starts/],
      ['bad time', { dates: [{ dateStart: '2030-05-01', timeStart: '25:00' }] }, /is not a time/],
      ['recurring without type', { recurring: 'true' }, /needs recurringType/],
      ['unknown recurringType', { recurring: 'true', recurringType: '9' }, /recurringType "9" is unknown/],
      ['weekly without weekdays', { recurring: 'true', recurringType: '1' }, /needs recurringWeekdays/],
      ['weekday out of range', { recurring: 'true', recurringType: '1', recurringWeekdays: ['7'] }, /is not a weekday/],
      ['interval 0 would never end', { recurring: 'true', recurringType: '0', recurringInterval: '0' }, /recurringInterval "0" must be a whole number from 1/],
      ['negative interval', { recurring: 'true', recurringType: '0', recurringInterval: '-1' }, /recurringInterval/],
      ['interval not a number', { recurring: 'true', recurringType: '0', recurringInterval: 'oft' }, /recurringInterval/],
      ['recurring flag not a boolean', { recurring: 'vielleicht' }, /recurring "vielleicht" is not a boolean/],
      ['recurring without template date', { recurring: 'true', recurringType: '0', dates: [] }, /needs a first date with dateStart/],
      ['too many dates', { dates: Array.from({ length: 201 }, () => ({ dateStart: '2030-05-01' })) }, /dates has more than 200 entries/],
      ['huge description', { description: 'x'.repeat(100_001) }, /description is longer than 100000/],
      ['negative price', { priceInformations: [{ name: 'x', amount: -1 }] }, /amount must not be negative/],
      ['organizer without name', { organizer: { contact: { email: 'a@b.de' } } }, /organizer.name is required/],
      ['bad URL scheme', { urls: [{ url: 'javascript:alert(1)' }] }, /must be an http\(s\) URL/],
      ['bad coordinates', { addresses: [{ geoLocation: { latitude: 'north', longitude: 12 } }] }, /latitude must be a number/],
      ['bad parentId', { parentId: -3 }, /parentId/],
      ['too many tags', { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, /tags has more than 100/],
    ];
    for (const [name, vars, message] of cases) {
      it(`refuses ${name} with a clear message`, async () => {
        const before = await count();
        const err = await createFails({ ...valid, ...vars });
        assert.match(err.message, /^Invalid input: /);
        assert.match(err.message, message);
        assert.equal(err.extensions.code, 'VALIDATION');
        assert.equal(await count(), before);
      });
    }

    it('refuses unknown argument types before running', async () => {
      const res = await p.gql(BB, `mutation { createEventRecord(title: "x", recurringWeekdays: 3, dates: [{dateStart: 5}]) { id } }`, {}, importer);
      assert.equal(res.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('a failure after the record was written leaves nothing behind', async () => {
      const before = await Promise.all(['event_records', 'event_occurrences', 'event_record_categories', 'categories', 'event_regions'].map((t) => count(t)));
      // the category names are checked only when they are linked, after the event row and its dates were written
      const err = await createFails({
        title: 'Halb geschrieben',
        regionName: 'Region aus dem Fehlversuch',
        dates: [{ dateStart: plus(today, 2) }, { dateStart: plus(today, 3) }],
        categories: [{ name: 'Neue Kategorie aus dem Fehlversuch' }, { name: 'k'.repeat(201) }],
      });
      assert.match(err.message, /category name is longer than 200/);
      const afterwards = await Promise.all(['event_records', 'event_occurrences', 'event_record_categories', 'categories', 'event_regions'].map((t) => count(t)));
      assert.deepEqual(afterwards, before);
      assert.equal(await db.selectFrom('event_records').select('id').where('title', '=', 'Halb geschrieben').executeTakeFirst(), undefined);
    });
  });

  describe('recurring events', () => {
    const weekly = () => ({
      externalId: 'rec-1',
      title: 'Wochenmarkt-Test',
      dates: [{ dateStart: plus(today, -3), dateEnd: plus(today, 60), timeStart: '08:00', timeEnd: '12:00' }],
      recurring: 'true',
      recurringType: '1',
      recurringInterval: '1',
      recurringWeekdays: ['1', '4'],
    });

    it('expands the rule in a job; an unchanged rule keeps the days, a changed one rebuilds them, none removes them', async () => {
      const e = await create(weekly());
      assert.deepEqual([e.recurring, e.recurringType, e.recurringInterval, e.recurringWeekdays], [true, 1, 1, [1, 4]]);
      assert.deepEqual(e.dates, [], 'the template is not a date of its own');
      assert.equal((await expandJobs(e.id)).length, 1);
      await p.jobs.runDue();
      const days = await occurrencesOf(e.id);
      const expected: string[] = [];
      for (let n = 0; n <= 60; n++) {
        const d = plus(today, n);
        const [y, m, dd] = d.split('-').map(Number);
        if ([2, 5].includes(new Date(Date.UTC(y, m - 1, dd)).getUTCDay())) expected.push(d);
      }
      assert.deepEqual(days.map((o) => o.starts_on), expected);
      assert.ok(days.every((o) => o.generated));
      const listed = (await p.gql(BB, LISTED, { ids: [e.id] }, app)).body.data.eventRecords;
      assert.deepEqual(listed.map((l: any) => l.date.dateStart), expected);

      // another description: same rule, same days (and ids), no new job
      await create({ ...weekly(), description: 'Jetzt mit Imbiss' });
      assert.equal((await expandJobs(e.id)).length, 0);
      assert.deepEqual((await occurrencesOf(e.id)).map((o) => o.id), days.map((o) => o.id));

      // every second week on Saturday: rebuilt by the job
      await create({ ...weekly(), recurringInterval: '2', recurringWeekdays: ['5'] });
      assert.deepEqual(await occurrencesOf(e.id), [], 'the old days are gone at once');
      await p.jobs.runDue();
      const saturdays = (await occurrencesOf(e.id)).map((o) => o.starts_on);
      assert.ok(saturdays.length >= 4);
      for (const d of saturdays) {
        const [y, m, dd] = d.split('-').map(Number);
        assert.equal(new Date(Date.UTC(y, m - 1, dd)).getUTCDay(), 6);
      }
      for (let i = 1; i < saturdays.length; i++) assert.equal(plus(saturdays[i - 1], 14), saturdays[i]);

      // no longer recurring: the first date is a plain date again
      const plain = await create({ ...weekly(), recurring: 'false' });
      assert.deepEqual([plain.recurring, plain.recurringType, plain.recurringWeekdays], [false, null, []]);
      assert.deepEqual((await occurrencesOf(e.id)).map((o) => [o.starts_on, o.ends_on, o.generated]), [[plus(today, -3), plus(today, 60), false]]);
      await p.jobs.runDue();
      assert.equal((await occurrencesOf(e.id)).length, 1);
    });

    it('daily, monthly and yearly rules, with intervals and without an end', async () => {
      const daily = await create({ title: 'Täglich', forceCreate: true, dates: [{ dateStart: today, dateEnd: plus(today, 9) }], recurring: '1', recurringType: 'daily', recurringInterval: '3' });
      const monthly = await create({ title: 'Monatlich', forceCreate: true, dates: [{ dateStart: today, timeStart: '18:30' }], recurring: 'true', recurringType: '2' });
      const yearly = await create({ title: 'Jährlich', forceCreate: true, dates: [{ dateStart: plus(today, 1) }], recurring: 'true', recurringType: '3' });
      await p.jobs.runDue();
      assert.deepEqual((await occurrencesOf(daily.id)).map((o) => o.starts_on), [today, plus(today, 3), plus(today, 6), plus(today, 9)]);
      const months = (await occurrencesOf(monthly.id)).map((o) => o.starts_on);
      assert.ok(months.length >= 18, `${months.length} monthly days: at least 18 months ahead`);
      assert.equal(months[0], today);
      const years = (await occurrencesOf(yearly.id)).map((o) => o.starts_on);
      assert.equal(years[0], plus(today, 1));
      assert.equal(years[1].slice(5), plus(today, 1).slice(5) === '02-29' ? '02-28' : plus(today, 1).slice(5));
      assert.equal(Number(years[1].slice(0, 4)), Number(years[0].slice(0, 4)) + 1);
    });
  });

  describe('demo seed helper', () => {
    it('extends the category tree by name and tags its categories for events', async () => {
      const row = async (name: string) => (await db.selectFrom('categories').select(['id', 'tag_list', 'parent_id']).where('name', '=', name).executeTakeFirstOrThrow()) as any;
      const parent = await row('Aus dem Rathaus');
      await db.insertInto('categories').values({ name: 'Nur Nachrichten', tag_list: ['news_item'], parent_id: parent.id }).execute();
      await db.transaction().execute((trx) =>
        ensureEventCategories(trx, [{ name: 'Veranstaltungskalender', iconName: 'calendar', children: [{ name: 'Nur Nachrichten' }, { name: 'Lesungen & Vorträge', iconName: 'book' }] }]),
      );
      const root = await row('Veranstaltungskalender');
      assert.deepEqual([root.tag_list, root.parent_id], [['event_record'], null]);
      const child = await row('Lesungen & Vorträge');
      assert.deepEqual([child.tag_list, child.parent_id], [['event_record'], root.id]);
      const existing = await row('Nur Nachrichten');
      assert.deepEqual([existing.tag_list, existing.parent_id], [['event_record', 'news_item'], parent.id], 'an existing category keeps its place');
      // running it again changes nothing
      await db.transaction().execute((trx) => ensureEventCategories(trx, [{ name: 'Veranstaltungskalender', children: [{ name: 'Nur Nachrichten' }] }]));
      assert.deepEqual((await row('Nur Nachrichten')).tag_list, ['event_record', 'news_item']);
      assert.equal(Number((await db.selectFrom('categories').select((eb) => eb.fn.countAll().as('n')).where('name', '=', 'Veranstaltungskalender').executeTakeFirstOrThrow()).n), 1);
    });
  });

  describe('destroyRecord and changeVisibility', () => {
    it('hides and shows an event in lists and counts', async () => {
      const e = await create({ externalId: 'vis-1', title: 'Sichtbarkeit', categoryName: 'Sichtbarkeitstest', dates: [{ dateStart: plus(today, 4) }] });
      const countQuery = `{ categories(ids: [${(await db.selectFrom('categories').select('id').where('name', '=', 'Sichtbarkeitstest').executeTakeFirstOrThrow()).id}]) { upcomingEventRecordsCount } }`;
      assert.equal((await p.gql(BB, countQuery, {}, app)).body.data.categories[0].upcomingEventRecordsCount, 1);
      const res = await p.gql(BB, VISIBILITY, { id: e.id, visible: false }, importer);
      assert.deepEqual(res.body.data.changeVisibility, { id: e.id, status: 'Visibility changed to false', statusCode: 200 });
      assert.equal((await p.gql(BB, LISTED, { ids: [e.id] }, app)).body.data.eventRecords.length, 0);
      assert.equal((await p.gql(BB, countQuery, {}, app)).body.data.categories[0].upcomingEventRecordsCount, 0);
      await p.gql(BB, VISIBILITY, { id: e.id, visible: true }, admin);
      assert.equal((await p.gql(BB, LISTED, { ids: [e.id] }, app)).body.data.eventRecords.length, 1);
    });

    it('deletes an event with its dates and links, by id or externalId', async () => {
      const e = await create({ externalId: 'del-1', title: 'Wird gelöscht', categoryName: 'Kultur & Freizeit', dates: [{ dateStart: plus(today, 4) }] });
      const f = await create({ externalId: 'del-2', title: 'Wird auch gelöscht', dates: [{ dateStart: plus(today, 4) }] });
      let res = await p.gql(BB, DESTROY, { id: e.id }, importer);
      assert.deepEqual(res.body.data.destroyRecord, { id: Number(e.id), status: 'Record was successfully destroyed', statusCode: 200 });
      assert.deepEqual(await occurrencesOf(e.id), []);
      assert.equal(await db.selectFrom('event_record_categories').select('category_id').where('event_record_id', '=', Number(e.id)).executeTakeFirst(), undefined);
      res = await p.gql(BB, DESTROY, { externalId: 'del-2' }, importer);
      assert.equal(res.body.data.destroyRecord.statusCode, 200);
      assert.equal((await p.gql(BB, LISTED, { ids: [e.id, f.id] }, app)).body.data.eventRecords.length, 0);
      res = await p.gql(BB, DESTROY, { id: e.id }, importer);
      assert.equal(res.body.data.destroyRecord.statusCode, 404);
    });

    it('cannot touch another municipality\'s events', async () => {
      const e = await create({ externalId: 'tenant-1', title: 'Nur Bad Belzig', dates: [{ dateStart: plus(today, 4) }] });
      const wbDb = p.database.forTenant(p.tenants.get('wiesenburg')!.id);
      const before = await count('event_records', wbDb);
      assert.equal((await p.gql(WB, DESTROY, { id: e.id }, wbAdmin)).body.data.destroyRecord.statusCode, 404);
      assert.equal((await p.gql(WB, VISIBILITY, { id: e.id, visible: false }, wbAdmin)).body.data.changeVisibility.statusCode, 404);
      assert.equal((await p.gql(WB, CREATE, { id: e.id, title: 'Übernahme' }, wbAdmin)).body.errors[0].extensions.code, 'NOT_FOUND');
      assert.equal((await p.gql(BB, LISTED, { ids: [e.id] }, app)).body.data.eventRecords.length, 1);
      // the same externalId in Wiesenburg is Wiesenburg's own event
      const wb = await create({ externalId: 'tenant-1', title: 'Nur Wiesenburg', dates: [{ dateStart: plus(today, 4) }] }, wbAdmin, WB);
      assert.notEqual(wb.id, e.id);
      assert.equal(await count('event_records', wbDb), before + 1);
    });
  });
});

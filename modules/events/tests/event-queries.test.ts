import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, RUBY_TIMESTAMP, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { berlinToday } from '../occurrences.ts';

/** The app's list query (src/queries/eventRecords.js): `date` comes in through a fragment. */
const EVENT_RECORDS = /* GraphQL */ `
  query EventRecords(
    $ids: [ID], $limit: Int, $take: Int, $location: String, $locations: [String], $offset: Int, $order: EventRecordsOrder,
    $categoryId: ID, $categoryIds: [ID], $dateRange: [String], $dataProvider: String, $dataProviderId: ID, $onlyUniqEvents: Boolean
  ) {
    eventRecords(
      ids: $ids, limit: $limit, take: $take, location: $location, locations: $locations, skip: $offset, order: $order,
      categoryId: $categoryId, categoryIds: $categoryIds, dateRange: $dateRange, dataProvider: $dataProvider,
      dataProviderId: $dataProviderId, onlyUniqEvents: $onlyUniqEvents
    ) {
      ...defaultFields
      ...dateFields
    }
  }
  fragment defaultFields on EventRecord {
    id title listDate
    webUrls: urls { id url description }
    addresses { id city street zip kind addition geoLocation { id latitude longitude } }
  }
  fragment dateFields on EventRecord {
    date { id dateFrom: dateStart dateTo: dateEnd timeFrom: timeStart timeTo: timeEnd }
  }
`;

/** The same list without `date`: one entry per event. */
const EVENT_RECORDS_UNIQUE = /* GraphQL */ `
  query($ids: [ID], $categoryId: ID, $order: EventRecordsOrder, $dateRange: [String], $location: String, $locations: [String], $limit: Int, $offset: Int) {
    eventRecords(ids: $ids, categoryId: $categoryId, order: $order, dateRange: $dateRange, location: $location, locations: $locations, limit: $limit, skip: $offset) {
      id title listDate createdAt
    }
  }
`;

/** The app's detail query. */
const EVENT_RECORD = /* GraphQL */ `
  query EventRecord($id: ID!) {
    eventRecord(id: $id) {
      id title description listDate visible externalId createdAt updatedAt
      recurring recurringInterval recurringType recurringWeekdays tagList regionId region { id name }
      date { id dateStart dateEnd }
      dates { id weekday dateFrom: dateStart dateTo: dateEnd timeFrom: timeStart timeTo: timeEnd description: timeDescription useOnlyTimeDescription }
      category { id name }
      categories { id name }
      dataProvider { id name }
      settings { displayOnlySummary onlySummaryLinkText }
      contacts { id firstName lastName phone email fax webUrls { id url description } }
      priceInformations { id name groupPrice amount ageFrom ageTo category description maxChildrenCount maxAdultCount minAdultCount minChildrenCount }
      operatingCompany: organizer { id name address { id city } contact { id firstName email webUrls { id url } } }
      location { id name regionName geoLocation { latitude longitude } }
      accessibilityInformation { id description types urls { url } }
      repeatDuration { id startDate endDate everyYear }
      mediaContents { id contentType captionText copyright sourceUrl { id url } }
    }
  }
`;

const CREATE = /* GraphQL */ `
  mutation($title: String!, $externalId: String, $dates: [DateInput!], $addresses: [AddressInput!], $location: LocationInput,
           $categoryName: String, $recurring: String, $recurringType: String, $recurringInterval: String, $recurringWeekdays: [String!]) {
    createEventRecord(title: $title, externalId: $externalId, dates: $dates, addresses: $addresses, location: $location,
                      categoryName: $categoryName, recurring: $recurring, recurringType: $recurringType,
                      recurringInterval: $recurringInterval, recurringWeekdays: $recurringWeekdays) { id }
  }
`;

const DAY = 86_400_000;
/** An independent day calculator for the expectations (not the module's). */
function plus(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY).toISOString().slice(0, 10);
}
function mondayBased(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
const sortedCopy = <T>(a: T[], cmp?: (x: T, y: T) => number) => [...a].sort(cmp);

describe('eventRecords, eventRecord, eventRecordsAddresses, Category event fields (queries)', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let wbApp: string;
  let db: Kysely<any>;
  let today: string;
  let categoryId: string;
  const ids: Record<string, string> = {};

  async function gql(query: string, variables: Record<string, unknown> = {}, token = app, host = BB) {
    const res = await p.gql(host, query, variables, token);
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data;
  }

  async function gqlError(query: string, variables: Record<string, unknown> = {}, token = app) {
    const res = await p.gql(BB, query, variables, token);
    assert.ok(res.body.errors?.length, `expected an error, got ${JSON.stringify(res.body.data)}`);
    return res.body.errors[0] as { message: string; extensions: { code: string } };
  }

  const list = async (vars: Record<string, unknown> = {}, token = app) => (await gql(EVENT_RECORDS, vars, token)).eventRecords as any[];
  const unique = async (vars: Record<string, unknown> = {}, token = app) => (await gql(EVENT_RECORDS_UNIQUE, vars, token)).eventRecords as any[];

  async function create(vars: Record<string, unknown>, token = importer): Promise<string> {
    const data = await gql(CREATE, { categoryName: 'Testreihe Q', ...vars }, token);
    return data.createEventRecord.id;
  }

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbApp] = await Promise.all(['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-app'].map((c) => p.token(c)));
    db = p.database.forTenant(p.tenants.get('bad-belzig')!.id);
    today = berlinToday();
    const at = (n: number) => plus(today, n);
    ids.single = await create({
      title: 'Q Einzeltermin',
      dates: [{ dateStart: at(3), timeStart: '19:00', timeEnd: '21:00' }],
      addresses: [{ street: 'Dorfstraße 1', zip: '14806', city: 'Testdorf', geoLocation: { latitude: 52.15, longitude: 12.6 } }],
    });
    ids.running = await create({ title: 'Q Laufende Ausstellung', dates: [{ dateStart: at(-2), dateEnd: at(2) }], addresses: [{ city: 'testdorf' }] });
    ids.twoDates = await create({
      title: 'Ä Zwei Termine',
      dates: [{ dateStart: at(9), timeStart: '10:00' }, { dateStart: at(5), timeStart: '10:00' }],
      location: { name: 'Testhalle' },
      addresses: [{ city: 'Bad Belzig' }],
    });
    ids.past = await create({ title: 'Q Vorbei', dates: [{ dateStart: at(-5) }], addresses: [{ city: 'Vergangenheim' }] });
    ids.weekly = await create({
      title: 'Q Wöchentlich',
      dates: [{ dateStart: at(-7), dateEnd: at(27), timeStart: '18:00', timeEnd: '19:00', timeDescription: 'Mo und Do' }],
      addresses: [{ city: 'Teststadt' }],
      recurring: 'true',
      recurringType: '1',
      recurringWeekdays: ['0', '3'],
    });
    ids.far = await create({ title: 'Q Fernes Jahr', dates: [{ dateStart: at(400), dateEnd: at(401) }], addresses: [{ city: 'Testdorf' }] }, admin);
    ids.hidden = await create({ title: 'Q Versteckt', dates: [{ dateStart: at(4) }], addresses: [{ city: 'Testdorf' }] });
    const hide = await gql(`mutation($id: ID!) { changeVisibility(id: $id, recordType: "EventRecord", visible: false) { statusCode } }`, { id: ids.hidden }, admin);
    assert.equal(hide.changeVisibility.statusCode, 200);
    await p.jobs.runDue(); // expands the weekly event
    categoryId = String((await db.selectFrom('categories').select('id').where('name', '=', 'Testreihe Q').executeTakeFirstOrThrow()).id);
  });
  after(() => p.close());

  /** The Mondays and Thursdays of the weekly event from today on. */
  const weeklyDays = () => {
    const out: string[] = [];
    for (let n = 0; n <= 27; n++) if ([0, 3].includes(mondayBased(plus(today, n)))) out.push(plus(today, n));
    return out;
  };

  describe('upcoming, per date or per event', () => {
    it('selecting date (in a fragment) lists one entry per upcoming date; recurring templates and past dates are not listed', async () => {
      const items = await list({ categoryId, order: 'listDate_ASC' });
      const byEvent = (id: string) => items.filter((i) => i.id === id);
      assert.equal(byEvent(ids.single).length, 1);
      assert.equal(byEvent(ids.running).length, 1);
      assert.deepEqual(byEvent(ids.twoDates).map((i) => i.date.dateFrom), [plus(today, 5), plus(today, 9)]);
      assert.equal(byEvent(ids.past).length, 0);
      assert.equal(byEvent(ids.hidden).length, 0, 'hidden event listed for the app');
      assert.deepEqual(byEvent(ids.weekly).map((i) => i.date.dateFrom), weeklyDays());
      assert.equal(items.length, 1 + 1 + 2 + weeklyDays().length + 1);
      // each entry is listed under its own day (a running date under today)
      for (const i of items) assert.equal(i.listDate, i.date.dateFrom < today ? today : i.date.dateFrom);
      assert.equal(byEvent(ids.running)[0].listDate, today);
      // generated days are single days with the template's times; date ids are unique per entry
      for (const i of byEvent(ids.weekly)) assert.deepEqual([i.date.dateTo, i.date.timeFrom, i.date.timeTo], [i.date.dateFrom, '18:00', '19:00']);
      assert.equal(new Set(items.map((i) => i.date.id)).size, items.length);
    });

    it('without date, or with onlyUniqEvents, lists each upcoming event once', async () => {
      const expected = sortedCopy([ids.single, ids.running, ids.twoDates, ids.weekly, ids.far]);
      assert.deepEqual(sortedCopy((await unique({ categoryId })).map((i) => i.id)), expected);
      const uniq = await list({ categoryId, onlyUniqEvents: true });
      assert.deepEqual(sortedCopy(uniq.map((i) => i.id)), expected);
      const twoDates = uniq.find((i) => i.id === ids.twoDates);
      assert.equal(twoDates.listDate, plus(today, 5));
      assert.equal(twoDates.date.dateFrom, plus(today, 5), 'date is the next date when entries are per event');
      // an alias still selects date; @include(if: false) does not
      const aliased = await gql(`query($c: ID) { eventRecords(categoryId: $c) { id when: date { dateStart } } }`, { c: categoryId });
      assert.equal(aliased.eventRecords.length, (await list({ categoryId })).length);
      const skipped = await gql(`query($c: ID, $d: Boolean!) { eventRecords(categoryId: $c) { id date @include(if: $d) { dateStart } } }`, { c: categoryId, d: false });
      assert.equal(skipped.eventRecords.length, expected.length);
    });

    it('admins see hidden events, importers their own hidden ones', async () => {
      assert.ok((await unique({ categoryId }, admin)).some((i) => i.id === ids.hidden));
      assert.ok((await unique({ categoryId }, importer)).some((i) => i.id === ids.hidden));
    });
  });

  describe('orders', () => {
    it('listDate_ASC/DESC order entries by their day, per date and per event', async () => {
      const asc = await list({ categoryId, order: 'listDate_ASC' });
      const desc = await list({ categoryId, order: 'listDate_DESC' });
      const days = (a: any[]) => a.map((i) => i.listDate);
      assert.deepEqual(days(asc), sortedCopy(days(asc)));
      assert.deepEqual(days(desc), sortedCopy(days(desc)).reverse());
      assert.equal(asc.length, desc.length);
      const uAsc = await unique({ categoryId, order: 'listDate_ASC' });
      assert.deepEqual(days(uAsc), sortedCopy(days(uAsc)));
      assert.deepEqual(uAsc.map((i) => i.id).slice(-1), [ids.far]);
      assert.deepEqual((await unique({ categoryId, order: 'listDate_DESC' })).map((i) => i.id)[0], ids.far);
    });

    it('createdAt (default), updatedAt, id and title orders; titles the German way', async () => {
      const created = [ids.single, ids.running, ids.twoDates, ids.weekly, ids.far];
      assert.deepEqual((await unique({ categoryId })).map((i) => i.id), [...created].reverse());
      assert.deepEqual((await unique({ categoryId, order: 'createdAt_ASC' })).map((i) => i.id), created);
      assert.deepEqual((await unique({ categoryId, order: 'id_ASC' })).map((i) => i.id), sortedCopy(created, (a, b) => Number(a) - Number(b)));
      assert.deepEqual((await unique({ categoryId, order: 'updatedAt_DESC' })).map((i) => i.id), [...created].reverse());
      // "Ä Zwei Termine" sorts with the A's, before the Q's
      const titles = (await unique({ categoryId, order: 'title_ASC' })).map((i) => i.title);
      assert.equal(titles[0], 'Ä Zwei Termine');
      assert.deepEqual(titles.slice(1), sortedCopy(titles.slice(1)));
      // per date, entries of one event stay together in date order
      const perDate = await list({ categoryId, order: 'title_DESC' });
      assert.equal(perDate.at(-1).id, ids.twoDates);
      const err = await gqlError(`{ eventRecords(order: publishedAt_DESC) { id } }`);
      assert.equal(err.extensions.code, 'GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('filters', () => {
    it('dateRange keeps dates overlapping the range and lists them under a day inside it', async () => {
      const range = [plus(today, 4), plus(today, 6)];
      const items = await list({ categoryId, dateRange: range, order: 'listDate_ASC' });
      const expected = [plus(today, 5), ...weeklyDays().filter((d) => d >= range[0] && d <= range[1])].sort();
      assert.deepEqual(items.map((i) => i.date.dateFrom).sort(), expected);
      for (const i of items) assert.ok(i.listDate >= range[0] && i.listDate <= range[1]);
      // a running multi-day date is listed under the range's first day
      const running = await list({ ids: [ids.running], dateRange: [plus(today, 1), plus(today, 1)] });
      assert.deepEqual(running.map((i) => i.listDate), [plus(today, 1)]);
      assert.deepEqual((await unique({ ids: [ids.running], dateRange: [plus(today, 1), plus(today, 3)] })).map((i) => i.listDate), [plus(today, 1)]);
      // a range reaching into the past still lists only upcoming dates, under today at the earliest
      const back = await unique({ categoryId, dateRange: [plus(today, -30), plus(today, 3)] });
      assert.deepEqual(sortedCopy(back.map((i) => i.id)), sortedCopy([ids.single, ids.running, ids.weekly].filter((id) => id !== ids.weekly || weeklyDays()[0] <= plus(today, 3))));
      for (const i of back) assert.ok(i.listDate >= today);
      // a range in the past: nothing
      assert.deepEqual(await unique({ categoryId, dateRange: [plus(today, -30), plus(today, -3)] }), []);
    });

    it('dates lasting weeks that began long before the range are listed in it (the "long dates" index)', async () => {
      const at = (n: number) => plus(today, n);
      const l = { categoryName: 'Testreihe L', addresses: [{ city: 'Langdorf' }] };
      const yearLong = await create({ ...l, title: 'Q Jahresausstellung', dates: [{ dateStart: at(-20), dateEnd: at(300) }] });
      const weeks = await create({ ...l, title: 'Q Wochenlange Schau', dates: [{ dateStart: at(10), dateEnd: at(40) }] });
      const short = await create({ ...l, title: 'Q Kurz davor', dates: [{ dateStart: at(27), dateEnd: at(29) }] });
      const inRange = await create({ ...l, title: 'Q Im Monat', dates: [{ dateStart: at(31), timeStart: '10:00' }] });
      const lId = String((await db.selectFrom('categories').select('id').where('name', '=', 'Testreihe L').executeTakeFirstOrThrow()).id);
      const month = await list({ categoryId: lId, dateRange: [at(30), at(59)], order: 'listDate_ASC' });
      assert.deepEqual(month.map((i) => [i.id, i.listDate]), [[yearLong, at(30)], [weeks, at(30)], [inRange, at(31)]]);
      const desc = await list({ categoryId: lId, dateRange: [at(30), at(59)], order: 'listDate_DESC', limit: 2 });
      assert.deepEqual(desc.map((i) => i.id), [inRange, weeks]);
      const upcoming = await list({ categoryId: lId, order: 'listDate_ASC' });
      assert.deepEqual(upcoming.map((i) => [i.id, i.listDate]), [[yearLong, today], [weeks, at(10)], [short, at(27)], [inRange, at(31)]]);
      assert.deepEqual((await list({ categoryId: lId, dateRange: [at(30), at(59)], order: 'listDate_ASC', offset: 1, limit: 1 })).map((i) => i.id), [weeks]);
    });

    it('refuses impossible date ranges with clear messages', async () => {
      const cases: Array<[unknown, RegExp]> = [
        [[plus(today, 1)], /two dates/],
        [[plus(today, 1), plus(today, 2), plus(today, 3)], /two dates/],
        [['2025-13-01', '2025-12-01'], /not a calendar date/],
        [['2025-02-30', '2025-03-01'], /not a calendar date/],
        [['01.05.2025', '02.05.2025'], /YYYY-MM-DD/],
        [[plus(today, 5), plus(today, 1)], /ends .* before it starts/],
        [[null, plus(today, 1)], /two dates/],
      ];
      for (const [dateRange, message] of cases) {
        const err = await gqlError(EVENT_RECORDS_UNIQUE, { dateRange });
        assert.match(err.message, /^Invalid input: /);
        assert.match(err.message, message, JSON.stringify(dateRange));
        assert.equal(err.extensions.code, 'VALIDATION');
      }
    });

    it('location and locations match the Location name or an Address city, ignoring case', async () => {
      const idsOf = async (vars: Record<string, unknown>) => sortedCopy((await unique({ categoryId, ...vars })).map((i) => i.id));
      assert.deepEqual(await idsOf({ location: 'TESTDORF' }), sortedCopy([ids.single, ids.running, ids.far]));
      assert.deepEqual(await idsOf({ location: 'Testhalle' }), [ids.twoDates]);
      assert.deepEqual(await idsOf({ locations: ['Teststadt', 'testhalle', null] }), sortedCopy([ids.weekly, ids.twoDates]));
      assert.deepEqual(await idsOf({ location: 'Vergangenheim' }), [], 'past events are not listed at their place either');
      assert.deepEqual(await idsOf({ location: 'Nirgendwo' }), []);
      // no place given: no restriction
      assert.equal((await idsOf({ locations: [] })).length, 5);
    });

    it('ids (unknown and junk ids skipped), data provider by name and id', async () => {
      assert.deepEqual((await unique({ ids: [ids.single, '999999', 'abc', null, ids.past] })).map((i) => i.id), [ids.single]);
      assert.deepEqual(await unique({ ids: [] }), []);
      const provider = (await db.selectFrom('data_providers').select('id').where('name', '=', 'Stadtverwaltung Bad Belzig').executeTakeFirstOrThrow()).id;
      const byName = await gql(`query($n: String, $c: ID) { eventRecords(dataProvider: $n, categoryId: $c) { id } }`, { n: 'stadtverwaltung bad belzig', c: categoryId });
      assert.deepEqual(sortedCopy(byName.eventRecords.map((i: any) => i.id)), sortedCopy([ids.single, ids.running, ids.twoDates, ids.weekly]));
      const byId = await gql(`query($p: ID, $c: ID) { eventRecords(dataProviderId: $p, categoryId: $c) { id } }`, { p: String(provider), c: categoryId });
      assert.deepEqual(sortedCopy(byId.eventRecords.map((i: any) => i.id)), sortedCopy(byName.eventRecords.map((i: any) => i.id)));
      const seededByProvider = await gql(`{ eventRecords(dataProvider: "Freiwillige Feuerwehr Bad Belzig") { title } }`);
      assert.deepEqual(seededByProvider.eventRecords.map((i: any) => i.title), ['Tag der offenen Tür bei der Feuerwehr']);
      const other = await gql(`query($c: ID) { eventRecords(categoryIds: [$c, "999999"]) { id } }`, { c: categoryId });
      assert.equal(other.eventRecords.length, 5);
    });

    it('pages with limit, skip and take; refuses negative values', async () => {
      const all = await list({ categoryId, order: 'listDate_ASC' });
      const pages: any[] = [];
      for (let offset = 0; offset < all.length; offset += 4) pages.push(...(await list({ categoryId, order: 'listDate_ASC', limit: 4, offset })));
      assert.deepEqual(pages.map((i) => i.date.id), all.map((i) => i.date.id));
      assert.deepEqual((await list({ categoryId, order: 'listDate_ASC', take: 2 })).map((i) => i.date.id), all.slice(0, 2).map((i) => i.date.id));
      assert.match((await gqlError(EVENT_RECORDS, { limit: -1 })).message, /limit must be between 0 and 1000/);
      assert.match((await gqlError(EVENT_RECORDS, { offset: -5 })).message, /skip must not be negative/);
      assert.match((await gqlError(EVENT_RECORDS, { limit: 5000 })).message, /limit/);
    });
  });

  describe('fields and formats', () => {
    it('detail: dates YYYY-MM-DD or "", times HH:MM or "", useOnlyTimeDescription as String, timestamps as Ruby', async () => {
      const { eventRecord: e } = await gql(EVENT_RECORD, { id: ids.running });
      assert.equal(e.title, 'Q Laufende Ausstellung');
      assert.deepEqual(e.dates.map((d: any) => [d.dateFrom, d.dateTo, d.timeFrom, d.timeTo, d.useOnlyTimeDescription]), [[plus(today, -2), plus(today, 2), '', '', 'false']]);
      assert.equal(e.listDate, today);
      assert.match(e.createdAt, RUBY_TIMESTAMP);
      assert.match(e.updatedAt, RUBY_TIMESTAMP);
      assert.equal(e.recurring, false);
      assert.deepEqual(e.recurringWeekdays, []);
      assert.equal(e.recurringType, null);
      assert.equal(e.settings, null);
      assert.deepEqual([e.category.name, e.categories.map((c: any) => c.name)], ['Testreihe Q', ['Testreihe Q']]);
      assert.equal(e.dataProvider.name, 'Stadtverwaltung Bad Belzig');

      const single = (await gql(EVENT_RECORD, { id: ids.single })).eventRecord;
      assert.deepEqual(single.dates.map((d: any) => [d.dateFrom, d.dateTo, d.timeFrom, d.timeTo]), [[plus(today, 3), '', '19:00', '21:00']]);
      assert.deepEqual(single.date, { id: single.dates[0].id, dateStart: plus(today, 3), dateEnd: '' });
    });

    it('a recurring event shows its rule and its upcoming days, not the template', async () => {
      const { eventRecord: e } = await gql(EVENT_RECORD, { id: ids.weekly });
      assert.deepEqual([e.recurring, e.recurringType, e.recurringInterval, e.recurringWeekdays], [true, 1, 1, [0, 3]]);
      assert.deepEqual(e.dates.map((d: any) => d.dateFrom), weeklyDays());
      for (const d of e.dates) {
        assert.equal(d.description, 'Mo und Do');
        assert.equal(d.weekday, mondayBased(d.dateFrom) === 0 ? 'Montag' : 'Donnerstag');
      }
      assert.equal(e.listDate, weeklyDays()[0]);
    });

    it('a past event can be opened; it lists no dates and is listed under its last day', async () => {
      const { eventRecord: e } = await gql(EVENT_RECORD, { id: ids.past });
      assert.deepEqual(e.dates, []);
      assert.equal(e.listDate, plus(today, -5));
    });

    it('unknown, junk and hidden ids give null; admins open hidden events', async () => {
      assert.equal((await gql(EVENT_RECORD, { id: '999999' })).eventRecord, null);
      assert.equal((await gql(EVENT_RECORD, { id: 'nonsense' })).eventRecord, null);
      assert.equal((await gql(EVENT_RECORD, { id: ids.hidden })).eventRecord, null);
      assert.equal((await gql(EVENT_RECORD, { id: ids.hidden }, admin)).eventRecord.visible, false);
    });

    it('eventRecordsAddresses: the addresses of upcoming visible events', async () => {
      const { eventRecordsAddresses: addresses } = await gql(`{ eventRecordsAddresses { city street } }`);
      const cities = new Set(addresses.map((a: any) => a.city));
      for (const c of ['Testdorf', 'Teststadt', 'Bad Belzig', 'Lütte', 'Dippmannsdorf']) assert.ok(cities.has(c), c);
      assert.ok(!cities.has('Vergangenheim'), 'address of a past event');
      assert.equal(addresses.filter((a: any) => a.city === 'Testdorf' && a.street === 'Dorfstraße 1').length, 1);
    });
  });

  describe('Category fields', () => {
    const CATEGORY = `query($ids: [ID], $loc: String) { categories(ids: $ids) { name
      eventRecordsCount upcomingEventRecordsCount
      placeCount: upcomingEventRecordsCount(location: $loc) placeAll: eventRecordsCount(location: $loc)
      eventRecords { id } upcomingEventRecords { id listDate } placeUpcoming: upcomingEventRecords(location: $loc) { id } } }`;

    it('count visible events (all, or upcoming), optionally at a place, and list them', async () => {
      const { categories: [c] } = await gql(CATEGORY, { ids: [categoryId], loc: 'testdorf' });
      assert.equal(c.eventRecordsCount, 6, 'visible events including the past one');
      assert.equal(c.upcomingEventRecordsCount, 5);
      assert.equal(c.placeCount, 3);
      assert.equal(c.placeAll, 3);
      assert.equal(c.eventRecords.length, 6);
      assert.ok(!c.eventRecords.some((e: any) => e.id === ids.hidden));
      assert.deepEqual(c.upcomingEventRecords.map((e: any) => e.listDate), sortedCopy(c.upcomingEventRecords.map((e: any) => e.listDate)));
      assert.deepEqual(sortedCopy(c.placeUpcoming.map((e: any) => e.id)), sortedCopy([ids.single, ids.running, ids.far]));
      // the admin's view does not change the counts
      const asAdmin = (await gql(CATEGORY, { ids: [categoryId], loc: 'testdorf' }, admin)).categories[0];
      assert.equal(asAdmin.eventRecordsCount, 6);
    });

    it('the seeded tree offers event categories; a past event counts only among all events', async () => {
      const { categories } = await gql(`{ categories(tagList: ["event_record"]) { name tagList parent { name } eventRecordsCount upcomingEventRecordsCount } }`);
      const byName = new Map<string, any>(categories.map((c: any) => [c.name, c]));
      for (const name of ['Veranstaltungen', 'Konzerte & Musik', 'Theater & Kino', 'Wochenmarkt', 'Stadtverordnetenversammlung', 'Feste & Veranstaltungen']) assert.ok(byName.has(name), name);
      assert.equal(byName.get('Konzerte & Musik').parent.name, 'Veranstaltungen');
      assert.equal(byName.get('Wochenmarkt').parent.name, 'Wirtschaft & Tourismus', 'an existing category keeps its place');
      assert.deepEqual(byName.get('Wochenmarkt').tagList.split(',').filter((t: string) => ['event_record', 'news_item'].includes(t)).sort(), ['event_record', 'news_item']);
      const counts = (name: string) => [byName.get(name).eventRecordsCount, byName.get(name).upcomingEventRecordsCount];
      assert.deepEqual(counts('Wochenmarkt'), [1, 1]);
      assert.deepEqual(counts('Konzerte & Musik'), [4, 4]);
      assert.deepEqual(counts('Umwelt & Abfall'), [1, 0]);
      assert.deepEqual(counts('Veranstaltungen'), [0, 0], 'counts are per category, not per subtree');
      assert.ok(!byName.has('Warnungen'));
    });
  });

  describe('demo data and tenants', () => {
    it('Bad Belzig has at least 30 upcoming demo events, several recurring, with their days expanded', async () => {
      const all = await unique({ limit: 1000 });
      const seeded = all.filter((e) => !e.title.startsWith('Q ') && !e.title.startsWith('Ä '));
      assert.ok(seeded.length >= 30, `${seeded.length} demo events`);
      const market = await gql(`{ eventRecords(location: "Bad Belzig", order: listDate_ASC) { title date { dateStart timeStart } } }`);
      const marketDays = market.eventRecords.filter((e: any) => e.title === 'Wochenmarkt auf dem Marktplatz').map((e: any) => e.date.dateStart);
      assert.ok(marketDays.length > 100, 'the weekly market runs without end, expanded ~19 months ahead');
      for (const d of marketDays) assert.ok([1, 4].includes(mondayBased(d)), `market on ${d}`);
      const recurring = await db.selectFrom('event_records').select('title').where('recurring', '=', true).execute();
      assert.ok(recurring.length >= 5);
      const burgfest = await db.selectFrom('event_records').select(['recurring_type']).where('title', '=', 'Burgfest auf Burg Eisenhardt').executeTakeFirstOrThrow();
      assert.equal(burgfest.recurring_type, 3);
    });

    it('keeps municipalities apart', async () => {
      const wb = await gql(EVENT_RECORDS_UNIQUE, { limit: 100 }, wbApp, WB);
      assert.ok(wb.eventRecords.length >= 3 && wb.eventRecords.length <= 5);
      assert.ok(!wb.eventRecords.some((e: any) => e.title.startsWith('Q ')));
      assert.deepEqual((await gql(EVENT_RECORDS_UNIQUE, { ids: Object.values(ids) }, wbApp, WB)).eventRecords, []);
      assert.equal((await gql(EVENT_RECORD, { id: ids.single }, wbApp, WB)).eventRecord, null);
      const cities = (await gql(`{ eventRecordsAddresses { city } }`, {}, wbApp, WB)).eventRecordsAddresses.map((a: any) => a.city);
      assert.ok(!cities.includes('Testdorf') && cities.includes('Wiesenburg/Mark'));
      const bbCategory = await gql(`query($ids: [ID]) { categories(ids: $ids) { id } }`, { ids: [categoryId] }, wbApp, WB);
      assert.deepEqual(bbCategory.categories, []);
    });
  });
});

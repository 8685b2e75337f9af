import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { rubyTimestamp } from '../../../lib/berlin-time.ts';
import { berlinToday, extendHorizon, nextHorizonRun } from '../occurrences.ts';

const DAY = 86_400_000;
function plus(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + n * DAY).toISOString().slice(0, 10);
}
function monthsLater(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

describe('events.extend-horizon and events.expand-recurrence jobs', () => {
  let p: TestPlatform;
  let db: Kysely<any>;
  let tenantId: number;
  let today: string;
  let admin: string;

  const horizonJobs = (status = 'queued') =>
    p.database.system.selectFrom('jobs').selectAll().where('dedupe_key', '=', `events.extend-horizon:${tenantId}`).where('status', '=', status).execute();
  const daysOf = async (id: number) =>
    (await db.selectFrom('event_occurrences').select(['id', 'starts_on', 'generated']).where('event_record_id', '=', id).orderBy('starts_on').execute()) as Array<{ id: number; starts_on: string; generated: boolean }>;
  const eventId = async (title: string) => (await db.selectFrom('event_records').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id as number;
  const runHorizonJobNow = async () => {
    await p.database.system.updateTable('jobs').set({ run_at: new Date(0) }).where('dedupe_key', '=', `events.extend-horizon:${tenantId}`).where('status', '=', 'queued').execute();
    await p.jobs.runDue();
  };

  before(async () => {
    p = await startTestPlatform();
    tenantId = p.tenants.get('bad-belzig')!.id;
    db = p.database.forTenant(tenantId);
    today = berlinToday();
    admin = await p.token('bad-belzig-admin');
  });
  after(() => p.close());

  it('the seed queues one horizon job per municipality for the coming night, 01:30 Berlin time', async () => {
    const [job] = await horizonJobs();
    assert.ok(job, 'no horizon job queued');
    assert.equal(new Date(job.run_at).getTime(), nextHorizonRun().getTime());
    assert.match(rubyTimestamp(job.run_at)!, / 01:30:00 \+0[12]00$/);
    assert.ok(new Date(job.run_at).getTime() > Date.now() && new Date(job.run_at).getTime() < Date.now() + 2 * DAY);
    const wb = await p.database.system.selectFrom('jobs').select('id').where('dedupe_key', '=', `events.extend-horizon:${p.tenants.get('wiesenburg')!.id}`).execute();
    assert.equal(wb.length, 1);
    // before any run, a past event still has its occurrence
    assert.deepEqual((await daysOf(await eventId('Frühjahrsputz im Stadtpark'))).map((d) => d.starts_on), [plus(today, -10)]);
  });

  it('keeps an endless rule filled at least 18 months ahead, adding days without renumbering the existing ones', async () => {
    const market = await eventId('Wochenmarkt auf dem Marktplatz');
    const full = await daysOf(market);
    assert.ok(full.at(-1)!.starts_on >= monthsLater(today, 18), `last market day ${full.at(-1)!.starts_on}`);
    assert.ok(full.at(-1)!.starts_on <= monthsLater(today, 19));

    // As if the rule had been expanded a year ago: the last half year is missing.
    const cut = monthsLater(today, 12);
    await db.deleteFrom('event_occurrences').where('event_record_id', '=', market).where('starts_on', '>', cut).execute();
    await db.updateTable('event_records').set({ expanded_until: cut }).where('id', '=', market).execute();
    const kept = await daysOf(market);
    assert.ok(kept.length < full.length);

    await runHorizonJobNow();
    const extended = await daysOf(market);
    assert.deepEqual(extended.map((d) => d.starts_on), full.map((d) => d.starts_on));
    assert.deepEqual(extended.slice(0, kept.length).map((d) => d.id), kept.map((d) => d.id), 'existing days keep their ids');
    const row = await db.selectFrom('event_records').select('expanded_until').where('id', '=', market).executeTakeFirstOrThrow();
    assert.equal(row.expanded_until, monthsLater(today, 19));
    // it queued itself for the next night
    const [next] = await horizonJobs();
    assert.equal(new Date(next.run_at).getTime(), nextHorizonRun().getTime());
    assert.equal((await horizonJobs('done')).length, 1);
  });

  it('expands events the expansion job never reached, and respects a rule\'s end', async () => {
    const res = await p.gql(
      BB,
      `mutation { createEventRecord(title: "Nie expandiert", dates: [{dateStart: "${plus(today, 1)}", dateEnd: "${plus(today, 20)}"}], recurring: "true", recurringType: "1", recurringWeekdays: ["2"]) { id } }`,
      {},
      admin,
    );
    const id = Number(res.body.data.createEventRecord.id);
    // the expansion job is lost (e.g. dead after its retries)
    await p.database.system.updateTable('jobs').set({ status: 'dead' }).where('dedupe_key', '=', `events.expand-recurrence:${id}`).execute();
    assert.deepEqual(await daysOf(id), []);
    await runHorizonJobNow();
    const days = (await daysOf(id)).map((d) => d.starts_on);
    const wednesdays = Array.from({ length: 20 }, (_, i) => plus(today, i + 1)).filter((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 3);
    assert.deepEqual(days, wednesdays);
    // a second run adds nothing
    assert.equal(await extendHorizon(db), 0);
    assert.deepEqual((await daysOf(id)).map((d) => d.starts_on), wednesdays);
  });

  it('drops dates that ended more than a week ago; a past event keeps its listDate from its own dates', async () => {
    const tower = await eventId('Offene Turmbesteigung am Butterturm');
    const oldDay = plus(today, -30);
    const recentDay = plus(today, -3);
    for (const [i, day] of [oldDay, recentDay].entries()) {
      await db
        .insertInto('event_occurrences')
        .values({ id: 900_000_000 + i, event_record_id: tower, starts_on: day, ends_on: day, time_start: '11:00', generated: true, date: JSON.stringify({ dateStart: day }) })
        .execute();
    }
    // (its occurrence was still there after the seed, see the first test; the earlier runs pruned it)
    const pastFixed = await eventId('Frühjahrsputz im Stadtpark');
    const running = await eventId('Fotoausstellung: 140 Jahre Bahnhof Bad Belzig'); // since 30 days, for 60 more
    await extendHorizon(db);
    const towerDays = (await daysOf(tower)).map((d) => d.starts_on);
    assert.ok(!towerDays.includes(oldDay));
    assert.ok(towerDays.includes(recentDay));
    assert.deepEqual(await daysOf(pastFixed), []);
    assert.equal((await daysOf(running)).length, 1, 'a running date is kept whenever it started');
    const detail = await p.gql(BB, `query($id: ID!) { eventRecord(id: $id) { listDate date { dateStart timeStart } dates { id } } }`, { id: String(pastFixed) }, admin);
    assert.deepEqual(detail.body.data.eventRecord, { listDate: plus(today, -10), date: { dateStart: plus(today, -10), timeStart: '09:00' }, dates: [] });
  });

  it('the expansion job does nothing for an event deleted before it ran', async () => {
    const res = await p.gql(BB, `mutation { createEventRecord(title: "Kurzlebig", dates: [{dateStart: "${today}"}], recurring: "true", recurringType: "0") { id } }`, {}, admin);
    const id = res.body.data.createEventRecord.id;
    const destroyed = await p.gql(BB, `mutation { destroyRecord(id: ${id}, recordType: "EventRecord") { statusCode } }`, {}, admin);
    assert.equal(destroyed.body.data.destroyRecord.statusCode, 200);
    await p.jobs.runDue();
    const [job] = await p.database.system.selectFrom('jobs').selectAll().where('dedupe_key', '=', `events.expand-recurrence:${id}`).execute();
    assert.equal(job.status, 'done');
    assert.deepEqual(await daysOf(Number(id)), []);
  });
});

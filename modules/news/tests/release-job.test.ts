import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, eventually, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';

describe('news.release job', () => {
  let p: TestPlatform;
  before(async () => (p = await startTestPlatform()));
  after(() => p.close());

  const jobsFor = (id: number) => p.database.system.selectFrom('jobs').selectAll().where('dedupe_key', '=', `news.release:${id}`).orderBy('id').execute();
  const listed = async (id: string) => (await p.gql(BB, '{ newsItems(limit: 100) { id } }')).body.data.newsItems.some((n: { id: string }) => n.id === id);

  it('queues itself again when it runs before the item\'s time, and releases it when the time has come', async () => {
    const admin = await p.token('bad-belzig-admin');
    const inAnHour = new Date(Math.floor(Date.now() / 1000 + 3600) * 1000).toISOString();
    const res = await p.gql(BB, 'mutation($at: String) { createNewsItem(title: "Später", forceCreate: true, publishedAt: $at) { id } }', { at: inAnHour }, admin);
    const id = res.body.data.createNewsItem.id as string;
    assert.equal(await listed(id), false);

    // The job comes due early (clock skew, or publishedAt moved later by hand).
    await p.database.system.updateTable('jobs').set({ run_at: new Date(0) }).where('dedupe_key', '=', `news.release:${id}`).execute();
    await p.jobs.runDue();
    assert.equal(await listed(id), false);
    const jobs = await jobsFor(Number(id));
    assert.deepEqual(jobs.map((j) => j.status), ['done', 'queued']);
    assert.equal(new Date(jobs[1].run_at).toISOString(), new Date(inAnHour).toISOString());

    // Its time comes.
    await p.database.system.updateTable('news_items').set({ published_at: new Date(Date.now() - 1000) }).where('id', '=', Number(id)).execute();
    await p.database.system.updateTable('jobs').set({ run_at: new Date(0) }).where('id', '=', jobs[1].id).execute();
    await p.jobs.runDue();
    // The job's write reaches the response cache by NOTIFY (on PostgreSQL a moment later).
    assert.ok(await eventually(() => listed(id)), 'listed once released');
  });
});

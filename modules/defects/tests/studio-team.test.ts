import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { FolderMailer } from '../../../core/mail/mailer.ts';
import { NOTIFY_TEAM_JOB } from '../reports/report-jobs.ts';
import { defectsStudioSuite } from './studio-fixture.ts';

describe('defects: the team notification of a new report (NOTIFY_TEAM_JOB)', () => {
  const f = defectsStudioSuite();

  const mails = () => new FolderMailer(path.join(f.p.dataDir, 'mail')).list(200).filter((m) => m.subject.startsWith('Neue Meldung im Mängelmelder'));
  const runJob = async (reportId: number) => {
    const handler = f.p.modules.find((m) => m.name === 'defects')!.jobs![NOTIFY_TEAM_JOB]!;
    await handler({ tenantId: f.bbId, db: f.db(), payload: { reportId }, attempt: 1, log: f.p.http.log, config: f.p.config });
  };

  it('mails the category’s team address and its studio users, each once, in German with the studio link and without the reporter’s data', async () => {
    const editorId = await f.accountId('editor@bad-belzig.demo');
    const adminId = await f.accountId('redaktion@bad-belzig.demo');
    const wbAdmin = await f.accountId('redaktion@wiesenburg.demo');
    await f.db().updateTable('defect_categories').set({ team_email: 'EDITOR@bad-belzig.demo', team_account_ids: [editorId, adminId, wbAdmin] }).where('code', '=', 'spielplatz').execute();
    const r = await f.file({ categoryCode: 'spielplatz', title: 'Rutsche gesplittert', description: 'Splitter an der Rutsche' });
    const queued = await f.p.database.system.selectFrom('jobs').select('payload').where('name', '=', NOTIFY_TEAM_JOB).execute();
    assert.ok(queued.some((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload).reportId === r.id), 'filing queues the job');
    await runJob(r.id);
    const sent = mails().filter((m) => m.text.includes(`/studio/maengelmelder/${r.id}`));
    assert.deepEqual(sent.map((m) => m.to.toLowerCase()).sort(), ['editor@bad-belzig.demo', 'redaktion@bad-belzig.demo'], 'team address and members, each once; not another tenant’s account');
    const m = sent[0]!;
    assert.equal(m.subject, 'Neue Meldung im Mängelmelder: Spielplatz – Rutsche gesplittert');
    assert.match(m.text, /Im Mängelmelder von Bad Belzig \(Demo\) ist eine neue Meldung eingegangen\./);
    assert.match(m.text, /Kategorie: Spielplatz\nTitel: Rutsche gesplittert\nOrt: Brücker Straße \d+, 14806 Bad Belzig/);
    assert.match(m.text, /Splitter an der Rutsche/);
    assert.match(m.text, new RegExp(`Zur Meldung im Studio: http://bad-belzig\\.localhost:\\d+/studio/maengelmelder/${r.id}`));
    assert.doesNotMatch(m.text, /Erika|erika@example\.org|33841/, 'no contact data of the reporter');
  });

  it('sends nothing for a category without a team or a report that is gone', async () => {
    await f.db().updateTable('defect_categories').set({ team_email: null, team_account_ids: [] }).where('code', '=', 'verkehrszeichen').execute();
    const before = mails().length;
    const r = await f.file({ categoryCode: 'verkehrszeichen' });
    await runJob(r.id);
    await runJob(99_999_999);
    assert.equal(mails().length, before);
  });
});

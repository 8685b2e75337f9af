import { after, before } from 'node:test';
import { BB, startTestPlatform, WB, type TestPlatform } from '../../../test/harness.ts';
import { studioClient } from '../../studio/tests/studio-client.ts';
import { NewReport, type NewReportInput } from '../model/report-input.ts';
import { createReport } from '../reports/create-report.ts';

export const BASE = '/studio/maengelmelder';
export type Session = { cookie: string; csrf: string };

/** The demo platform (both municipalities with their defect reports) and a studio session per role. */
export async function startDefectsStudio() {
  // A VAPID subject, so that status notices go out as Web Push (the browser test follows one to the device).
  const p: TestPlatform = await startTestPlatform({ seed: true, env: { VAPID_SUBJECT: 'mailto:push@bad-belzig.example' } });
  const c = studioClient(p, BB);
  const s = {
    admin: await c.session('redaktion@bad-belzig.demo', 'demo-studio-admin'),
    editor: await c.session('editor@bad-belzig.demo', 'demo-studio-editor'),
    reader: await c.session('lesen@bad-belzig.demo', 'demo-studio-readonly'),
    author: await c.session('autorin@bad-belzig.demo', 'demo-studio-author'),
    moderator: await c.session('moderation@bad-belzig.demo', 'demo-studio-moderator'),
    wbAdmin: await c.session('redaktion@wiesenburg.demo', 'demo-studio-admin', WB),
  };
  const bbId = p.tenants.get('bad-belzig')!.id;
  const db = () => p.database.forTenant(bbId);
  /** Files a report in Bad Belzig as the web app would (with consent and contact). */
  const file = (input: Partial<NewReportInput> = {}) =>
    createReport(
      db(),
      NewReport.parse({ categoryCode: 'schlagloch', description: 'Tiefes Loch', location: { lat: 52.1417, lng: 12.59266 }, consent: true, contact: { name: 'Erika Muster', email: 'erika@example.org', phone: '+49 33841 1234' }, ...input }),
      { source: 'app' },
      { municipality: 'Bad Belzig (Demo)' },
    );
  const accountId = async (email: string) => (await p.database.system.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id as number;
  return { p, c, s, bbId, db, file, accountId };
}

export type DefectsStudio = Awaited<ReturnType<typeof startDefectsStudio>>;

/** The platform of a suite: started before its tests (the fields fill in then), closed after them. */
export function defectsStudioSuite(): DefectsStudio {
  const f = {} as DefectsStudio;
  before(async () => {
    Object.assign(f, await startDefectsStudio());
  });
  after(() => f.p?.close());
  return f;
}

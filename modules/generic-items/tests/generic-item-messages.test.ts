import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { BB, WB, startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { MAX_MESSAGE, MESSAGES_PER_ITEM_PER_HOUR, NOTIFY_MESSAGE_JOB } from '../generic-item-messages.ts';
import { notifyGenericItemMessage } from '../message-notify-job.ts';

/** What the app sends (src/queries/genericItem.js, CREATE_GENERIC_ITEM_MESSAGE). */
const APP_MESSAGE = /* GraphQL */ `
  mutation createGenericItemMessage($genericItemId: ID!, $name: String!, $email: String!, $phoneNumber: String, $message: String!, $termsOfService: Boolean!) {
    createGenericItemMessage(genericItemId: $genericItemId, name: $name, email: $email, phoneNumber: $phoneNumber, message: $message, termsOfService: $termsOfService) {
      statusCode
    }
  }
`;

/** Every argument and every field of the result. */
const MESSAGE = /* GraphQL */ `
  mutation($genericItemId: ID!, $name: String!, $email: String!, $phoneNumber: String, $message: String!, $termsOfService: Boolean!, $visible: Boolean) {
    createGenericItemMessage(genericItemId: $genericItemId, name: $name, email: $email, phoneNumber: $phoneNumber, message: $message, termsOfService: $termsOfService, visible: $visible) {
      id status statusCode
    }
  }
`;

const CREATE_ITEM = `mutation($title: String, $genericType: String, $publishedAt: String) {
  createGenericItem(title: $title, genericType: $genericType, publishedAt: $publishedAt, forceCreate: true,
    contacts: [{ firstName: "Inge", email: "inge.autorin@mail.example.org" }]) { id }
}`;
const MESSAGES_OF = `query($id: ID!) { genericItem(id: $id) { id genericItemMessages { id message visible } } }`;

type Vars = { genericItemId: unknown; name: string; email: string; phoneNumber?: string | null; message: string; termsOfService: boolean; visible?: boolean };

describe('createGenericItemMessage, GenericItem.genericItemMessages and vouchers', () => {
  let p: TestPlatform;
  let app: string;
  let admin: string;
  let importer: string;
  let wbApp: string;
  let wbAdmin: string;
  let bbId: number;
  let wbId: number;
  let db: Kysely<any>;
  let wbDb: Kysely<any>;
  /** Items: the importer's noticeboard entry, one of the editors', a hidden and a scheduled one. */
  let ownItem: string;
  let adminItem: string;
  let hiddenItem: string;
  let scheduledItem: string;

  const valid = (genericItemId: unknown, extra: Partial<Vars> = {}): Vars => ({
    genericItemId,
    name: 'Jonas Beispiel',
    email: 'jonas.beispiel@mail.example.org',
    phoneNumber: '',
    message: 'Guten Tag, ist das Fahrrad noch zu haben? Ich könnte es am Samstag abholen.',
    termsOfService: true,
    ...extra,
  });

  /** token null: anonymous. */
  async function send(vars: Vars, token: string | null = app, host = BB, query = MESSAGE) {
    const res = await p.gql(host, query, vars, token ?? undefined);
    assert.equal(res.status, 200);
    return res.body;
  }
  async function sendOk(vars: Vars, token: string | null = app, host = BB) {
    const body = await send(vars, token, host);
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data.createGenericItemMessage as { id: string | null; status: string; statusCode: number };
  }
  async function sendFails(vars: Vars, token: string | null = app, host = BB) {
    const body = await send(vars, token, host);
    assert.ok(body.errors?.length, `expected an error, got ${JSON.stringify(body.data)}`);
    assert.equal(body.data, null);
    return body.errors[0] as { message: string; extensions: Record<string, unknown> };
  }

  const countMessages = async (on: Kysely<any> = db, itemId?: string) => {
    let q = on.selectFrom('generic_item_messages').select((eb) => eb.fn.countAll().as('n'));
    if (itemId) q = q.where('generic_item_id', '=', Number(itemId));
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const countJobs = async () =>
    Number((await p.database.system.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).where('name', '=', NOTIFY_MESSAGE_JOB).executeTakeFirstOrThrow()).n);
  const messagesFor = async (id: string, token: string | undefined, host = BB) => {
    const res = await p.gql(host, MESSAGES_OF, { id }, token);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.genericItem?.genericItemMessages as Array<{ id: string; message: string; visible: boolean }> | undefined;
  };
  async function createItem(token: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await p.gql(BB, CREATE_ITEM, { title, genericType: 'Noticeboard', ...extra }, token);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return res.body.data.createGenericItem.id;
  }

  before(async () => {
    p = await startTestPlatform();
    [app, admin, importer, wbApp, wbAdmin] = await Promise.all(
      ['bad-belzig-app', 'bad-belzig-admin', 'bad-belzig-importer', 'wiesenburg-app', 'wiesenburg-admin'].map((c) => p.token(c)),
    );
    bbId = p.tenants.get('bad-belzig')!.id;
    wbId = p.tenants.get('wiesenburg')!.id;
    db = p.database.forTenant(bbId);
    wbDb = p.database.forTenant(wbId);
    ownItem = await createItem(importer, 'Kinderwagen abzugeben');
    adminItem = await createItem(admin, 'Suche Mitstreiter für den Kunstwanderweg-Putztag');
    hiddenItem = await createItem(admin, 'Zurückgezogene Anzeige');
    await db.updateTable('generic_items').set({ visible: false }).where('id', '=', Number(hiddenItem)).execute();
    scheduledItem = await createItem(admin, 'Erscheint erst morgen', { publishedAt: new Date(Date.now() + 86_400_000).toISOString() });
  });
  after(() => p.close());

  describe('createGenericItemMessage', () => {
    it('stores the message sent as the app sends it, for the right tenant, and queues the notification', async () => {
      const jobsBefore = await countJobs();
      const res = await send(valid(ownItem), app, BB, APP_MESSAGE);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(res.data.createGenericItemMessage, { statusCode: 200 });

      const rows = await p.database.system.selectFrom('generic_item_messages').selectAll().where('generic_item_id', '=', Number(ownItem)).execute();
      assert.equal(rows.length, 1);
      const row = rows[0];
      assert.equal(row.tenant_id, bbId);
      assert.equal(row.name, 'Jonas Beispiel');
      assert.equal(row.email, 'jonas.beispiel@mail.example.org');
      assert.equal(row.phone_number, null, 'the app sends "" for an empty phone number');
      assert.equal(row.message, valid(ownItem).message);
      assert.equal(row.terms_of_service, true);
      assert.equal(row.visible, true);

      assert.equal(await countJobs(), jobsBefore + 1);
      const job = await p.database.system.selectFrom('jobs').selectAll().where('name', '=', NOTIFY_MESSAGE_JOB).orderBy('id', 'desc').executeTakeFirstOrThrow();
      assert.equal(job.tenant_id, bbId);
      assert.equal(job.status, 'queued');
      assert.deepEqual(job.payload, { genericItemMessageId: row.id });
      // The payload holds the id only: no personal data in the job table.
      assert.doesNotMatch(JSON.stringify(job.payload), /Jonas|example\.org|Fahrrad/);

      await p.jobs.runDue();
      const done = await p.database.system.selectFrom('jobs').select(['status', 'last_error']).where('id', '=', job.id).executeTakeFirstOrThrow();
      assert.deepEqual(done, { status: 'done', last_error: null });
    });

    it('answers with the message id, keeps the text as plain text and stores phone and visibility', async () => {
      const text = '<b>Hallo</b> & <script>alert(1)</script>\nZweite Zeile';
      const status = await sendOk(valid(ownItem, { message: `  ${text}  `, phoneNumber: '+49 33841 / 123-45', visible: false }));
      assert.equal(status.statusCode, 200);
      assert.equal(status.status, 'Message was successfully created');
      const row = await db.selectFrom('generic_item_messages').selectAll().where('id', '=', Number(status.id)).executeTakeFirstOrThrow();
      assert.equal(row.message, text, 'stored verbatim (trimmed), no HTML stripped or interpreted');
      assert.equal(row.phone_number, '+49 33841 / 123-45');
      assert.equal(row.visible, false);
    });

    it('accepts anonymous callers (a citizen action)', async () => {
      const before = await countMessages(db, adminItem);
      const status = await sendOk(valid(adminItem, { name: 'Anonyme Bürgerin', email: 'buergerin@beispiel.de' }), null);
      assert.equal(status.statusCode, 200);
      assert.equal(await countMessages(db, adminItem), before + 1);
    });

    it('answers status 404 for unknown, malformed, hidden and not yet published items and stores nothing', async () => {
      const before = await countMessages();
      const jobsBefore = await countJobs();
      for (const id of ['999999', 'abc', '-3', hiddenItem, scheduledItem]) {
        const status = await sendOk(valid(id));
        assert.equal(status.statusCode, 404, `item ${id}`);
        assert.equal(status.id, null);
      }
      // not even an editor may write to a hidden item
      assert.equal((await sendOk(valid(hiddenItem), admin)).statusCode, 404);
      assert.equal(await countMessages(), before);
      assert.equal(await countJobs(), jobsBefore);
    });

    it('answers status 403 when the terms of service are not accepted and stores nothing', async () => {
      const before = await countMessages();
      const status = await sendOk(valid(ownItem, { termsOfService: false }));
      assert.equal(status.statusCode, 403);
      assert.match(status.status, /terms of service/i);
      assert.equal(await countMessages(), before);
    });

    it('refuses malformed input with a validation error that does not repeat it, and stores nothing', async () => {
      const before = await countMessages();
      const jobsBefore = await countJobs();
      const cases: Array<[Partial<Vars>, RegExp]> = [
        [{ email: 'keine-adresse' }, /email is not a valid e-mail address/],
        [{ email: 'jonas@localhost' }, /email is not a valid e-mail address/],
        [{ email: 'jonas beispiel@mail.example.org' }, /email is not a valid e-mail address/],
        [{ email: '<jonas@mail.example.org>' }, /email is not a valid e-mail address/],
        [{ email: 'jonas..b@mail.example.org' }, /email is not a valid e-mail address/],
        [{ email: 'jonas@mail.example.org\r\nBcc: alle@example.org' }, /email (contains control characters|is not a valid)/],
        [{ email: '   ' }, /email is required/],
        [{ message: 'x'.repeat(MAX_MESSAGE + 1) }, /message is longer than 4000 characters/],
        [{ message: ' \n ' }, /message is required/],
        [{ message: 'Hallo\u0000Welt' }, /message contains control characters/],
        [{ name: 'N'.repeat(201) }, /name is longer than 200 characters/],
        [{ name: '' }, /name is required/],
        [{ name: 'Jonas\nBcc: alle@example.org' }, /name contains control characters/],
        [{ phoneNumber: 'ruf mich an' }, /phoneNumber may contain only digits/],
        [{ phoneNumber: '1'.repeat(51) }, /phoneNumber is longer than 50 characters/],
      ];
      for (const [change, expected] of cases) {
        const err = await sendFails(valid(ownItem, change));
        assert.equal(err.extensions.code, 'VALIDATION', JSON.stringify(change));
        assert.match(err.message, /^Invalid input: /);
        assert.match(err.message, expected);
        for (const v of Object.values(change)) if (typeof v === 'string' && v.trim().length > 3) assert.ok(!err.message.includes(v.trim()), `the error repeats ${v}`);
      }
      assert.equal(await countMessages(), before);
      assert.equal(await countJobs(), jobsBefore);
    });

    it('accepts a message of exactly 4000 characters (counted as characters, not bytes)', async () => {
      const message = 'ä'.repeat(MAX_MESSAGE - 1) + '👍';
      const status = await sendOk(valid(adminItem, { message }));
      assert.equal(status.statusCode, 200);
      const row = await db.selectFrom('generic_item_messages').select('message').where('id', '=', Number(status.id)).executeTakeFirstOrThrow();
      assert.equal(row.message, message);
    });

    it(`refuses more than ${MESSAGES_PER_ITEM_PER_HOUR} messages per item within an hour`, async () => {
      const item = await createItem(admin, 'Beliebte Anzeige');
      const other = await createItem(admin, 'Andere Anzeige');
      const row = (at: Date) => ({ generic_item_id: Number(item), name: 'Vorher', email: 'vorher@example.org', message: 'Frühere Nachricht', terms_of_service: true, created_at: at });
      // older messages do not count
      await db.insertInto('generic_item_messages').values(Array.from({ length: 5 }, () => row(new Date(Date.now() - 2 * 3_600_000)))).execute();
      await db.insertInto('generic_item_messages').values(Array.from({ length: MESSAGES_PER_ITEM_PER_HOUR - 1 }, () => row(new Date()))).execute();

      assert.equal((await sendOk(valid(item))).statusCode, 200, 'the 20th message of the hour is accepted');
      const before = await countMessages(db, item);
      const jobsBefore = await countJobs();
      const err = await sendFails(valid(item));
      assert.equal(err.extensions.code, 'BAD_REQUEST');
      assert.equal(err.extensions.reason, 'RATE_LIMITED');
      assert.match(err.message, /at most 20 per hour/);
      assert.equal(await countMessages(db, item), before);
      assert.equal(await countJobs(), jobsBefore);
      // other items are not affected
      assert.equal((await sendOk(valid(other))).statusCode, 200);
    });

    it('holds the limit when requests arrive at the same time', async () => {
      const item = await createItem(admin, 'Gleichzeitig begehrt');
      const now = new Date();
      await db
        .insertInto('generic_item_messages')
        .values(Array.from({ length: MESSAGES_PER_ITEM_PER_HOUR - 3 }, () => ({ generic_item_id: Number(item), name: 'Vorher', email: 'vorher@example.org', message: 'Frühere Nachricht', terms_of_service: true, created_at: now })))
        .execute();
      const bodies = await Promise.all(Array.from({ length: 8 }, () => send(valid(item))));
      const accepted = bodies.filter((b) => b.data?.createGenericItemMessage?.statusCode === 200).length;
      const limited = bodies.filter((b) => b.errors?.[0]?.extensions?.reason === 'RATE_LIMITED').length;
      assert.deepEqual({ accepted, limited }, { accepted: 3, limited: 5 });
      assert.equal(await countMessages(db, item), MESSAGES_PER_ITEM_PER_HOUR);
    });

    it('keeps tenants apart', async () => {
      const bbBefore = await countMessages(db);
      const wbBefore = await countMessages(wbDb);
      assert.ok(bbBefore > 0);
      // A Wiesenburg caller cannot reach a Bad Belzig item by its id.
      assert.equal((await sendOk(valid(ownItem), wbApp, WB)).statusCode, 404);
      assert.equal((await sendOk(valid(ownItem), null, WB)).statusCode, 404);
      // A Bad Belzig token is not valid on the Wiesenburg host.
      assert.equal((await sendFails(valid(ownItem), app, WB)).extensions.code, 'UNAUTHENTICATED');
      assert.equal(await countMessages(db), bbBefore);
      assert.equal(await countMessages(wbDb), wbBefore);
      // Wiesenburg's own items work and stay in Wiesenburg.
      const wbItem = await p.gql(WB, CREATE_ITEM, { title: 'Suche Gartenhilfe in Reetz', genericType: 'Noticeboard' }, wbAdmin);
      const id = wbItem.body.data.createGenericItem.id;
      assert.equal((await sendOk(valid(id), wbApp, WB)).statusCode, 200);
      assert.equal(await countMessages(wbDb), wbBefore + 1);
      assert.equal(await countMessages(db), bbBefore);
      const stored = await p.database.system.selectFrom('generic_item_messages').select('tenant_id').where('generic_item_id', '=', Number(id)).execute();
      assert.deepEqual(stored.map((r) => r.tenant_id), [wbId]);
      // Bad Belzig's admin does not see it.
      const res = await p.gql(BB, MESSAGES_OF, { id }, admin);
      assert.equal(res.body.data.genericItem, null);
    });
  });

  describe('GenericItem.genericItemMessages', () => {
    it('shows id, message and visible to admins and the owning data provider only', async () => {
      const stored = await db.selectFrom('generic_item_messages').select(['id', 'message', 'visible']).where('generic_item_id', '=', Number(ownItem)).orderBy('id').execute();
      assert.ok(stored.length >= 2);
      const expected = stored.map((r) => ({ id: String(r.id), message: r.message, visible: r.visible }));
      assert.deepEqual(await messagesFor(ownItem, admin), expected);
      assert.deepEqual(await messagesFor(ownItem, importer), expected);
      assert.deepEqual(await messagesFor(ownItem, app), []);
      assert.deepEqual(await messagesFor(ownItem, undefined), []);
      // The importer does not see messages to items of others.
      assert.ok((await messagesFor(adminItem, admin))!.length > 0);
      assert.deepEqual(await messagesFor(adminItem, importer), []);
    });

    it('never offers the sender\'s personal data', async () => {
      const res = await p.gql(BB, '{ __type(name: "GenericItemMessage") { fields { name } } }', {}, admin);
      assert.deepEqual(res.body.data.__type.fields.map((f: { name: string }) => f.name).sort(), ['id', 'message', 'visible']);
    });

    it('loads the messages of a whole list in one go, each with its own item', async () => {
      const res = await p.gql(BB, 'query($ids: [ID]) { genericItems(ids: $ids) { id genericItemMessages { id } } }', { ids: [ownItem, adminItem, hiddenItem] }, admin);
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      const byItem = new Map(res.body.data.genericItems.map((g: any) => [g.id, g.genericItemMessages.map((m: { id: string }) => Number(m.id))]));
      for (const id of [ownItem, adminItem, hiddenItem]) {
        const ids = (await db.selectFrom('generic_item_messages').select('id').where('generic_item_id', '=', Number(id)).orderBy('id').execute()).map((r) => r.id);
        assert.deepEqual(byItem.get(id), ids, `item ${id}`);
      }
    });
  });

  describe('generic-items.notify-message job', () => {
    it('logs ids only, never the personal data', async () => {
      const status = await sendOk(valid(ownItem, { name: 'Geheime Person', email: 'geheim@privat.example.org', phoneNumber: '0171 9876543', message: 'Vertrauliche Nachricht' }));
      const lines: unknown[] = [];
      const record = (...args: unknown[]) => void lines.push(args);
      const log = { info: record, warn: record, error: record, debug: record, trace: record, fatal: record, child: () => log } as any;
      await notifyGenericItemMessage({ tenantId: bbId, db, payload: { genericItemMessageId: Number(status.id) }, attempt: 1, log, config: p.config });
      assert.equal(lines.length, 1);
      const logged = JSON.stringify(lines);
      assert.match(logged, new RegExp(`"genericItemMessageId":${status.id}`));
      assert.match(logged, new RegExp(`"genericItemId":${ownItem}`));
      for (const secret of ['Geheime', 'geheim@', '9876543', 'Vertrauliche', 'inge.autorin']) assert.ok(!logged.includes(secret), `log contains ${secret}`);
    });

    it('does nothing when the message went with its item', async () => {
      const item = await createItem(admin, 'Bald gelöscht');
      const status = await sendOk(valid(item));
      await db.deleteFrom('generic_items').where('id', '=', Number(item)).execute();
      assert.equal(await countMessages(db, item), 0, 'messages are deleted with their item');
      const lines: unknown[] = [];
      const log = { info: (...a: unknown[]) => lines.push(a), warn: (...a: unknown[]) => lines.push(a) } as any;
      await notifyGenericItemMessage({ tenantId: bbId, db, payload: { genericItemMessageId: Number(status.id) }, attempt: 1, log, config: p.config });
      assert.match(JSON.stringify(lines), /is gone; no mail/);
    });
  });

  describe('vouchers', () => {
    it('answers [] (no member has redeemed a voucher yet), with every argument', async () => {
      const res = await p.gql(BB, '{ vouchers(limit: 10, skip: 0, order: title_ASC, memberId: 1) { id title } all: vouchers { id } }', {}, app);
      assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
      assert.deepEqual(res.body.data, { vouchers: [], all: [] });
      // there are vouchers, but none redeemed
      assert.ok((await db.selectFrom('generic_items').select('id').where('generic_type', '=', 'Voucher').execute()).length > 0);
    });

    it('checks limit and skip as every list does', async () => {
      for (const args of ['limit: -1', 'skip: -1', 'limit: 100000']) {
        const res = await p.gql(BB, `{ vouchers(${args}) { id } }`, {}, app);
        assert.equal(res.body.errors?.[0]?.extensions?.code, 'VALIDATION', args);
        assert.match(res.body.errors[0].message, /^Invalid input: (limit|skip)/);
      }
    });
  });
});

import { sql, type Kysely, type RawBuilder } from 'kysely';

export type Channel = 'expo' | 'web';

/** A push_messages row, as fan-out and sending read it. */
export type MessageRow = {
  id: number;
  title: string;
  body: string;
  url: string | null;
  data: Record<string, unknown>;
  platform: string;
  category_ids: number[];
  category_tag: string;
  data_provider_id: number | null;
  mowas_regional_keys: string[];
  followers_of_type: string | null;
  followers_of_id: number | null;
  status: string;
  send_at: Date;
  fanned_out_at: Date | null;
};

/** The channels a message goes out on. Followers exist only for native devices (the app's bookmarks). */
export function channelsOf(m: MessageRow): Channel[] {
  const out: Channel[] = [];
  if (m.platform !== 'web') out.push('expo');
  if (['all', 'web'].includes(m.platform) && m.followers_of_type === null) out.push('web');
  return out;
}

/** Native devices that match the message: platform, exclusions (data provider, MoWaS keys, categories per tag), following. */
function expoConditions(m: MessageRow): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  if (m.platform === 'ios' || m.platform === 'android') c.push(sql`d.device_type = ${m.platform}`);
  if (m.data_provider_id !== null) c.push(sql`NOT (d.exclude_data_provider_ids @> ARRAY[${m.data_provider_id}]::int[])`);
  if (m.mowas_regional_keys.length) {
    // The app sends keys as numbers, which lose their leading zeros: compare without them.
    const keys = m.mowas_regional_keys.map((k) => k.replace(/^0+/, ''));
    c.push(sql`NOT (ARRAY(SELECT ltrim(k, '0') FROM unnest(d.exclude_mowas_regional_keys) k) @> ${keys}::text[])`);
  }
  if (m.category_ids.length) {
    const excluded = sql`d.exclude_notification_configuration -> ${m.category_tag}`;
    c.push(sql`NOT (CASE WHEN jsonb_typeof(${excluded}) = 'object' THEN ARRAY(SELECT jsonb_object_keys(${excluded})) ELSE '{}'::text[] END @> ${m.category_ids.map(String)}::text[])`);
  }
  if (m.followers_of_type !== null) {
    c.push(sql`EXISTS (SELECT 1 FROM push_device_assignments a WHERE a.device_id = d.id AND a.pushable_type = ${m.followers_of_type} AND a.pushable_id = ${m.followers_of_id})`);
  }
  return c;
}

/**
 * Browser subscriptions that match: those without chosen categories take everything, the others
 * what they chose — a chosen category includes its subcategories (the message's categories and
 * their ancestors are compared; an uncorrelated subquery, evaluated once).
 */
function webConditions(m: MessageRow): RawBuilder<unknown>[] {
  if (!m.category_ids.length) return [];
  const withAncestors = sql`ARRAY(WITH RECURSIVE up AS (
      SELECT id, parent_id FROM categories WHERE id = ANY(${m.category_ids}::int[])
      UNION SELECT c.id, c.parent_id FROM categories c JOIN up ON c.id = up.parent_id)
    SELECT id FROM up)`;
  return [sql`(d.category_ids = '{}' OR d.category_ids && ${withAncestors})`];
}

const sources = {
  expo: { table: 'push_expo_devices', address: 'token', conditions: expoConditions },
  web: { table: 'push_web_subscriptions', address: 'endpoint', conditions: webConditions },
};

export type FanOutPage = { lastRecipientId: number | null; firstDeliveryId: number | null; lastDeliveryId: number | null; inserted: number };

/**
 * One page of fan-out: the next `size` matching recipients after `afterId` (by id, the tenant's
 * index) get a pending delivery row each — except those that already have one for this message
 * (a repeated fan-out after a crash inserts nothing twice). One statement.
 */
export async function fanOutPage(db: Kysely<any>, m: MessageRow, channel: Channel, afterId: number, size: number): Promise<FanOutPage> {
  const s = sources[channel];
  const where = [sql`d.id > ${afterId}`, ...s.conditions(m)];
  const { rows } = await sql<any>`
    WITH page AS (
      SELECT d.id, d.${sql.id(s.address)} AS recipient FROM ${sql.id(s.table)} d
      WHERE ${sql.join(where, sql` AND `)} ORDER BY d.id LIMIT ${size}),
    inserted AS (
      INSERT INTO push_deliveries (message_id, channel, recipient)
      SELECT ${m.id}, ${channel}, recipient FROM page
      ON CONFLICT (message_id, channel, recipient) DO NOTHING RETURNING id)
    SELECT (SELECT max(id) FROM page) AS last_recipient, (SELECT min(id) FROM inserted) AS first_delivery,
      (SELECT max(id) FROM inserted) AS last_delivery, (SELECT count(*) FROM inserted) AS n`.execute(db);
  const r = rows[0];
  const num = (v: unknown) => (v === null ? null : Number(v));
  return { lastRecipientId: num(r.last_recipient), firstDeliveryId: num(r.first_delivery), lastDeliveryId: num(r.last_delivery), inserted: Number(r.n) };
}

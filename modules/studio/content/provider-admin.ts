import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { assignPartIds } from '../../content-parts/parts.ts';

const optional = (max: number) => z.string().trim().max(max).default('');

/** The data provider form; the names are the form's field names. */
export const ProviderInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  dataType: z.enum(['general_importer', 'business_account']),
  description: optional(5000),
  notice: optional(2000),
  logo: optional(2000),
  street: optional(200),
  zip: optional(10),
  city: optional(200),
  firstName: optional(100),
  lastName: optional(100),
  phone: optional(50),
  email: z.union([z.literal(''), z.string().trim().max(320).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)]).default(''),
});
export type ProviderInput = z.infer<typeof ProviderInputSchema>;

export type ProviderRow = ProviderInput & { id: number };

const orNull = (s: string) => s || null;

export async function listProviders(db: Kysely<any>): Promise<ProviderRow[]> {
  const rows = await db.selectFrom('data_providers').selectAll().orderBy(sql`lower(name)`).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    dataType: r.data_type,
    description: r.description ?? '',
    notice: r.notice ?? '',
    logo: r.logo?.url ?? '',
    street: r.address?.street ?? '',
    zip: r.address?.zip ?? '',
    city: r.address?.city ?? '',
    firstName: r.contact?.firstName ?? '',
    lastName: r.contact?.lastName ?? '',
    phone: r.contact?.phone ?? '',
    email: r.contact?.email ?? '',
  }));
}

/** Creates (id null) or updates a provider; the other fields of its address, contact and logo stay. */
export async function saveProvider(db: Kysely<any>, id: number | null, input: ProviderInput): Promise<{ ok: true; id: number } | { ok: false; reason: 'duplicate' | 'not-found' }> {
  let q = db.selectFrom('data_providers').select('id').where(sql`lower(name)`, '=', input.name.toLowerCase());
  if (id !== null) q = q.where('id', '!=', id);
  if (await q.executeTakeFirst()) return { ok: false, reason: 'duplicate' };
  const before = id === null ? null : await db.selectFrom('data_providers').select(['logo', 'address', 'contact']).where('id', '=', id).executeTakeFirst();
  if (id !== null && !before) return { ok: false, reason: 'not-found' };
  const hasAddress = !!(input.street || input.zip || input.city);
  const hasContact = !!(input.firstName || input.lastName || input.phone || input.email);
  const parts = await assignPartIds(db, {
    logo: input.logo ? { ...(before?.logo?.url === input.logo ? before.logo : { description: `Logo ${input.name}` }), url: input.logo } : null,
    address: hasAddress ? { ...before?.address, street: orNull(input.street), zip: orNull(input.zip), city: orNull(input.city) } : null,
    contact: hasContact ? { ...before?.contact, firstName: orNull(input.firstName), lastName: orNull(input.lastName), phone: orNull(input.phone), email: orNull(input.email) } : null,
  });
  const values = {
    name: input.name,
    data_type: input.dataType,
    description: orNull(input.description),
    notice: orNull(input.notice),
    logo: JSON.stringify(parts.logo),
    address: JSON.stringify(parts.address),
    contact: JSON.stringify(parts.contact),
    updated_at: new Date(),
  };
  if (id === null) return { ok: true, id: (await db.insertInto('data_providers').values(values).returning('id').executeTakeFirstOrThrow()).id };
  await db.updateTable('data_providers').set(values).where('id', '=', id).execute();
  return { ok: true, id };
}

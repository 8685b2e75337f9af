import type { GraphQLContext } from '../../core/graphql/context.ts';
import { canModifyRecord, requireConfigurer, requireContentWriter } from '../../core/auth/principal.ts';
import { validationError } from '../../core/errors.ts';
import { recordType, type RecordType } from './record-types.ts';

type Found = { type: RecordType; row: { id: number; data_provider_id?: number | null } };
type Outcome = { id: number | null; status: string; statusCode: number };

function resolveType(ctx: GraphQLContext, name: string): RecordType {
  const type = recordType(name);
  if (!type || !ctx.tenant.enabledModules.includes(type.module)) throw validationError(`Invalid input: unknown recordType "${name}".`);
  return type;
}

function parseId(id: unknown): number | null {
  if (id === null || id === undefined || id === '') return null;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) throw validationError('Invalid input: id must be a positive whole number.');
  return n;
}

/** Looks a record up and checks the caller may modify it; returns an HTTP-like outcome otherwise. */
async function findModifiable(ctx: GraphQLContext, typeName: string, id: number | null, externalId?: string | null): Promise<Found | Outcome> {
  const type = resolveType(ctx, typeName);
  const caller = type.ownedByDataProvider ? requireContentWriter(ctx.principal) : requireConfigurer(ctx.principal);
  if (id === null && !externalId) throw validationError('Invalid input: give an id or an externalId.');
  let q = ctx.db.selectFrom(type.table).select(type.ownedByDataProvider ? ['id', 'data_provider_id'] : ['id']);
  if (id !== null) q = q.where('id', '=', id);
  else {
    if (!type.hasExternalId) throw validationError(`Invalid input: ${typeName} has no externalId.`);
    q = q.where('external_id', '=', externalId!);
    if (caller.role === 'data_provider') q = q.where('data_provider_id', '=', caller.dataProviderId);
  }
  const row = await q.executeTakeFirst();
  if (!row) return { id, status: 'Record not found', statusCode: 404 };
  if (type.ownedByDataProvider && !canModifyRecord(caller, row.data_provider_id ?? null)) return { id: row.id, status: 'Access not permitted!', statusCode: 403 };
  return { type, row };
}

export async function destroyRecord(ctx: GraphQLContext, args: { id?: unknown; recordType: string; externalId?: string | null }): Promise<Outcome> {
  const found = await findModifiable(ctx, args.recordType, parseId(args.id), args.externalId);
  if (!('row' in found)) return found;
  await ctx.db.deleteFrom(found.type.table).where('id', '=', found.row.id).execute();
  return { id: found.row.id, status: 'Record was successfully destroyed', statusCode: 200 };
}

export async function changeVisibility(ctx: GraphQLContext, args: { id: unknown; recordType: string; visible: boolean }): Promise<Omit<Outcome, 'id'> & { id: string | null }> {
  const type = resolveType(ctx, args.recordType);
  if (!type.hasVisibility) throw validationError(`Invalid input: ${args.recordType} has no visibility.`);
  const found = await findModifiable(ctx, args.recordType, parseId(args.id));
  if (!('row' in found)) return { ...found, id: found.id === null ? null : String(found.id) };
  await ctx.db.updateTable(type.table).set({ visible: args.visible, updated_at: new Date() }).where('id', '=', found.row.id).execute();
  return { id: String(found.row.id), status: `Visibility changed to ${args.visible}`, statusCode: 200 };
}

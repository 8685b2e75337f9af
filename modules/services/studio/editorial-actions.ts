import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { setTopPlace, TOP_PLACES, type TopMove } from './top-list.ts';

/**
 * What staff change of any service, whatever its source: hidden from the app, pinned to the top
 * of lists, a place on the top list. These columns survive every sync (store/apply-catalog.ts).
 */
export const EditorialAction = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['hide', 'show', 'pin', 'unpin', 'untop']) }),
  z.object({ action: z.literal('top'), position: z.coerce.number().int().min(1).max(TOP_PLACES) }),
]);
export type EditorialAction = z.infer<typeof EditorialAction>;

const FLAGS = { hide: { hidden: true }, show: { hidden: false }, pin: { pinned: true }, unpin: { pinned: false }, untop: { top_position: null } } as const;

export type EditorialOutcome = { done: true; moves?: TopMove[] } | { done: false; reason: 'notFound' | 'topFull' };

/** Applies one action to service `id` of the tenant, in the caller's transaction. */
export async function applyEditorialAction(trx: Kysely<any>, tenantId: number, id: number, a: EditorialAction): Promise<EditorialOutcome> {
  const exists = await trx.selectFrom('ozg_services').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) return { done: false, reason: 'notFound' };
  if (a.action === 'top') {
    const moves = await setTopPlace(trx, tenantId, id, a.position);
    return moves ? { done: true, moves } : { done: false, reason: 'topFull' };
  }
  await trx.updateTable('ozg_services').set({ ...FLAGS[a.action], updated_at: sql`now()` }).where('id', '=', id).execute();
  return { done: true };
}

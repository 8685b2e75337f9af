import { z } from 'zod';
import type { Kysely } from 'kysely';
import { AreaShape } from './point-in-area.ts';

export const DefectSettings = z.object({
  area: AreaShape.nullable(),
  postalCodes: z.array(z.string().regex(/^\d{5}$/, 'Postleitzahlen haben fünf Ziffern')).max(200),
  moderationRequired: z.boolean(),
});
export type DefectSettings = z.infer<typeof DefectSettings>;

/** A municipality that configured nothing: no area check, every report moderated first. */
const DEFAULTS: DefectSettings = { area: null, postalCodes: [], moderationRequired: true };

export async function loadDefectSettings(db: Kysely<any>): Promise<DefectSettings> {
  const row = await db.selectFrom('defect_settings').select(['area', 'postal_codes', 'moderation_required']).executeTakeFirst();
  if (!row) return DEFAULTS;
  return { area: row.area ? AreaShape.parse(row.area) : null, postalCodes: row.postal_codes, moderationRequired: row.moderation_required };
}

export async function saveDefectSettings(db: Kysely<any>, s: DefectSettings): Promise<void> {
  const values = { area: s.area ? JSON.stringify(s.area) : null, postal_codes: s.postalCodes, moderation_required: s.moderationRequired, updated_at: new Date() };
  await db
    .insertInto('defect_settings')
    .values(values)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { enqueueJob } from '../../../core/jobs/job-queue.ts';
import { badRequest, notFound } from '../../../core/errors.ts';
import type { NewReport } from '../model/report-input.ts';
import { MAX_PHOTOS } from '../model/report-input.ts';
import { resolveLocation } from './resolve-location.ts';
import { NOTIFY_TEAM_JOB } from './report-jobs.ts';

export type ReportChannel = { source: 'app' | 'open311' | 'mainserver'; apiKeyId?: number };
/** A photo already checked, resized and stored (photos/), in the order the reporter gave them. */
export type StoredPhoto = { url: string; storageKeys: string[]; width: number; height: number };
export type CreatedReport = { id: number; token: string | null; categoryType: 'realtime' | 'batch'; moderation: string; created: boolean };

/**
 * Files a report in one transaction: category, location inside the municipality, address from the
 * register, photos, the first history entry and the job that tells the team. A submission key seen
 * before returns the report it created (a client retrying after a lost answer files it once).
 */
export async function createReport(db: Kysely<any>, input: NewReport, channel: ReportChannel, ctx: { municipality: string; photos?: StoredPhoto[] }): Promise<CreatedReport> {
  const photos = ctx.photos ?? [];
  if (photos.length > MAX_PHOTOS) throw badRequest(`Höchstens ${MAX_PHOTOS} Fotos je Meldung.`);
  const run = async (trx: Kysely<any>): Promise<CreatedReport> => {
    if (input.submissionKey) {
      const seen = await findBySubmission(trx, input.submissionKey);
      if (seen) return seen;
    }
    const category = await trx.selectFrom('defect_categories').select(['id', 'name', 'type']).where('code', '=', input.categoryCode).where('active', '=', true).executeTakeFirst();
    if (!category) throw notFound(`Die Kategorie „${input.categoryCode}“ gibt es hier nicht.`);
    const place = await resolveLocation(trx, input.location, ctx.municipality);
    const moderationRequired = (await trx.selectFrom('defect_settings').select('moderation_required').executeTakeFirst())?.moderation_required ?? true;
    const keepContact = input.consent;
    const token = category.type === 'batch' ? randomBytes(12).toString('base64url') : null;
    const row = await trx
      .insertInto('defect_reports')
      .values({
        category_id: category.id,
        title: input.title || firstLine(input.description) || category.name,
        description: input.description,
        lat: place.lat,
        lng: place.lng,
        address: place.address,
        zipcode: place.zipcode,
        address_id: place.addressId,
        attributes: JSON.stringify(input.attributes),
        contact_name: keepContact ? input.contact.name : '',
        contact_email: keepContact ? input.contact.email : '',
        contact_phone: keepContact ? input.contact.phone : '',
        contact_consent: keepContact,
        notify_by_email: input.notifyByEmail,
        device_id: input.deviceId,
        account_id: input.accountId,
        public: input.public,
        moderation: moderationRequired ? 'pending' : 'approved',
        source: channel.source,
        api_key_id: channel.apiKeyId ?? null,
        token,
        submission_key: input.submissionKey ?? null,
      })
      .returning(['id', 'moderation'])
      .executeTakeFirstOrThrow();
    if (photos.length) {
      await trx
        .insertInto('defect_report_photos')
        .values(photos.map((p, i) => ({ report_id: row.id, position: i + 1, url: p.url, storage_keys: p.storageKeys, width: p.width, height: p.height })))
        .execute();
    }
    await trx.insertInto('defect_report_updates').values({ report_id: row.id, status: 'received', comment: '', public: true }).execute();
    await enqueueJob(trx, { name: NOTIFY_TEAM_JOB, payload: { reportId: row.id } });
    return { id: row.id, token, categoryType: category.type, moderation: row.moderation, created: true };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

async function findBySubmission(db: Kysely<any>, key: string): Promise<CreatedReport | undefined> {
  const r = await db
    .selectFrom('defect_reports as r')
    .innerJoin('defect_categories as c', 'c.id', 'r.category_id')
    .select(['r.id', 'r.token', 'c.type', 'r.moderation'])
    .where('r.submission_key', '=', key)
    .executeTakeFirst();
  return r && { id: r.id, token: r.token, categoryType: r.type, moderation: r.moderation, created: false };
}

const firstLine = (text: string) => text.split('\n')[0].trim().slice(0, 80);

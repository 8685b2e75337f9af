import type { Kysely } from 'kysely';
import type { MediaStorage } from '../../media/storage/media-storage.ts';
import { checkSolution, challengeUsed, spendChallenge } from '../abuse/proof-of-work.ts';
import { limitReportAttempts } from '../abuse/rate-limits.ts';
import { loadDefectSettings } from '../area/defect-settings.ts';
import { MAX_PHOTOS } from '../model/report-input.ts';
import { linkReportPush } from '../notices/report-push.ts';
import { preparePhoto, storePhotos } from '../photos/report-photos.ts';
import { createReport } from '../reports/create-report.ts';
import { badForm } from './citizen-errors.ts';
import { CitizenReport, parseInput } from './citizen-input.ts';
import type { ReportForm } from './report-form.ts';

export type Filed = { created: boolean; body: { id: number; status: string; moderation: string; token: string | null } };
export type FilingContext = { db: Kysely<any>; tenantId: number; municipality: string; ip: string; storage: MediaStorage; maxPhotoBytes: number };

/**
 * The web app's POST of a report, cheapest checks first: the honeypot, the form, a submission
 * seen before (answered with its report, so a resend after a lost answer needs no new challenge),
 * the rate limits, the proof of work, the photos; then one transaction spends the challenge,
 * files the report and links the device's push subscription. Photos written before a failed
 * transaction are removed again.
 */
export async function fileCitizenReport(form: ReportForm, ctx: FilingContext): Promise<Filed> {
  // A bot filled the hidden field: it is told "filed" and nothing is stored (decision 027).
  if (form.website.trim()) return { created: true, body: await decoyAnswer(ctx.db) };
  let json: unknown;
  try {
    json = JSON.parse(form.report);
  } catch {
    throw badForm('Das Feld „report“ fehlt oder ist kein gültiges JSON.', 'validation', 'report');
  }
  const { report, pushEndpoint } = parseInput(CitizenReport, json);
  const key = report.submissionKey!;
  const seen = await bySubmission(ctx.db, key);
  if (seen) return { created: false, body: seen };

  await limitReportAttempts(ctx.db, { deviceId: report.deviceId, ip: ctx.ip });
  await checkSolution(ctx.db, ctx.tenantId, form.challenge, form.nonce);
  if (form.photos.length < 1) throw badForm('Bitte fügen Sie mindestens ein Foto hinzu.', 'photo_missing', 'photo');
  if (form.photos.length > MAX_PHOTOS) throw badForm(`Höchstens ${MAX_PHOTOS} Fotos je Meldung.`, 'too_many_photos', 'photo');
  const prepared = [];
  for (const f of form.photos) prepared.push(await preparePhoto(f, report.location as { lat: number; lng: number }, ctx.maxPhotoBytes));

  const { stored, remove } = await storePhotos(ctx.storage, ctx.tenantId, prepared);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (!(await spendChallenge(trx, form.challenge))) {
        // A concurrent send of the same submission spent it and has committed by now.
        const first = await bySubmission(trx, key);
        if (first) {
          await remove();
          return { created: false, body: first };
        }
        throw challengeUsed();
      }
      const r = await createReport(trx, report, { source: 'app' }, { municipality: ctx.municipality, photos: stored });
      if (!r.created) {
        // Filed meanwhile by a concurrent send with another challenge (createReport found its key).
        await remove();
        return { created: false, body: (await bySubmission(trx, key))! };
      }
      if (pushEndpoint) await linkReportPush(trx, r.id, pushEndpoint);
      return { created: true, body: { id: r.id, status: 'received', moderation: r.moderation, token: r.token } };
    });
  } catch (err) {
    await remove();
    // Two sends of one submission with different challenges: the second waited on the key's index.
    const first = isUniqueViolation(err) ? await bySubmission(ctx.db, key) : undefined;
    if (first) return { created: false, body: first };
    throw err;
  }
}

async function bySubmission(db: Kysely<any>, key: string): Promise<Filed['body'] | undefined> {
  return db.selectFrom('defect_reports').select(['id', 'status', 'moderation', 'token']).where('submission_key', '=', key).executeTakeFirst() as Promise<Filed['body'] | undefined>;
}

/** What a real filing answers, with a number such a filing could have had. */
async function decoyAnswer(db: Kysely<any>): Promise<Filed['body']> {
  const row = await db.selectFrom('defect_reports').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  const { moderationRequired } = await loadDefectSettings(db);
  return { id: Number(row?.id ?? 0) + 1 + Math.floor(Math.random() * 3), status: 'received', moderation: moderationRequired ? 'pending' : 'approved', token: null };
}

const isUniqueViolation = (err: unknown) => typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

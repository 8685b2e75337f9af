import type { Kysely } from 'kysely';

/** Links a report to the Web Push subscription of the device that filed it (in the filing's transaction). */
export async function linkReportPush(db: Kysely<any>, reportId: number, endpoint: string): Promise<void> {
  await db
    .insertInto('defect_report_push')
    .values({ report_id: reportId, endpoint })
    .onConflict((oc) => oc.column('report_id').doUpdateSet({ endpoint }))
    .execute();
}

/** The subscription to tell about a report, if its device gave one and it still exists. */
export async function reportPushTarget(db: Kysely<any>, reportId: number): Promise<{ endpoint: string; p256dh: string; auth: string; language: string } | undefined> {
  return db
    .selectFrom('defect_report_push as r')
    .innerJoin('push_web_subscriptions as s', 's.endpoint', 'r.endpoint')
    .select(['s.endpoint', 's.p256dh', 's.auth', 's.language'])
    .where('r.report_id', '=', reportId)
    .executeTakeFirst();
}

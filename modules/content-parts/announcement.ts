import { sql, type Kysely } from 'kysely';
import type { JobHandler } from '../../core/jobs/job-queue.ts';
import { emitEvent } from '../../core/events/module-events.ts';
import { queueJobWhen } from '../../core/db/row-job-trigger.ts';
import { plainText } from '../../lib/sanitize.ts';

/**
 * Records a municipality marks "send as push" (news, events, generic items) are announced once,
 * when they are public (e.g. visible and released): the database queues the module's announce job on
 * every path that gets a record there (mutation, scheduled release, the studio's publication);
 * the job marks the record as sent and reports `content.announced` for the push module.
 */
export type Announceable = {
  recordType: string;
  table: string;
  /** The category join table and its column naming the record. */
  categoryTable: string;
  categoryColumn: string;
  /** The columns that must all be true for the record to be public (e.g. visible, released). */
  publicColumns: string[];
  /** Its content blocks (jsonb), if it has them: the first block's title and intro stand in. */
  blocksColumn?: string;
  /** The record's own short text column, if it has one (teaser, description); else the first block's intro. */
  summaryColumn?: string;
  /** Free JSON whose `regionalKeys` name MoWaS regions (news carrying warnings). */
  payloadColumn?: string;
  /** The title when the record and its first block have none (the mainserver's news push: "Neue Nachricht"). */
  fallbackTitle: string;
  job: string;
};

export const announceWhenPublic = (a: Announceable) => (db: Kysely<any>) =>
  queueJobWhen(db, { table: a.table, job: a.job, when: [...a.publicColumns.map((c) => `NEW.${c}`), 'NEW.push_notification', 'NEW.push_notifications_sent_at IS NULL'].join(' AND ') });

type Block = { title?: string; intro?: string };

export function announceJob(a: Announceable): JobHandler {
  return async ({ db, payload }) => {
    let update = db.updateTable(a.table).set({ push_notifications_sent_at: sql`now()` }).where('id', '=', payload.id);
    for (const c of a.publicColumns) update = update.where(c, '=', true);
    const optional = [a.blocksColumn, a.summaryColumn, a.payloadColumn].filter((c): c is string => !!c);
    const record = await update
      .where('push_notification', '=', true)
      .where('push_notifications_sent_at', 'is', null)
      .returning(['id', 'title', 'data_provider_id', ...optional])
      .executeTakeFirst();
    if (!record) return;
    const first = a.blocksColumn ? ((record[a.blocksColumn] ?? []) as Block[])[0] : undefined;
    const title = record.title || first?.title || a.fallbackTitle;
    const categories = await db.selectFrom(a.categoryTable).select('category_id').where(a.categoryColumn, '=', record.id).execute();
    const keys = a.payloadColumn && (record[a.payloadColumn] as { regionalKeys?: unknown } | null)?.regionalKeys;
    await emitEvent(db, 'content.announced', {
      recordType: a.recordType,
      recordId: record.id,
      title,
      summary: plainText((a.summaryColumn && record[a.summaryColumn]) || first?.intro || '') || title,
      dataProviderId: record.data_provider_id,
      categoryIds: categories.map((c) => c.category_id),
      regionalKeys: Array.isArray(keys) ? keys.map(String) : [],
    });
  };
}

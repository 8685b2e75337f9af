import type { JobHandler } from '../../core/jobs/job-queue.ts';

/**
 * generic-items.notify-message: tells the author of an item that a citizen wrote to them
 * (mainserver: a mail to the entry's contact with the sender as reply-to).
 *
 * PLACEHOLDER until the mail service exists (a later issue): for now the handler only logs that
 * a mail would be sent. It logs ids only — the sender's name, e-mail, phone number and message,
 * and the author's address, are personal data and must never reach the logs. When the mail
 * service arrives, this handler reads the message and the item's contact e-mail here and sends.
 */
export const notifyGenericItemMessage: JobHandler = async ({ db, payload, log }) => {
  const id = Number(payload?.genericItemMessageId);
  if (!Number.isInteger(id) || id <= 0) {
    log.warn('generic-items.notify-message without a valid genericItemMessageId; nothing to do');
    return;
  }
  const row = await db.selectFrom('generic_item_messages').select(['id', 'generic_item_id']).where('id', '=', id).executeTakeFirst();
  if (!row) {
    // Deleted with its item in the meantime: nobody to notify.
    log.info({ genericItemMessageId: id }, 'generic item message is gone; no mail');
    return;
  }
  log.info({ genericItemMessageId: row.id, genericItemId: row.generic_item_id }, 'would mail the author of the generic item about a new message (mail service not built yet)');
};

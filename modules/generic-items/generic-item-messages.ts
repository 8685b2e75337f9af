import { sql } from 'kysely';
import type { GraphQLContext } from '../../core/graphql/context.ts';
import { batchLoad } from '../../core/graphql/batch-loader.ts';
import { canModifyRecord, type Visibility } from '../../core/auth/principal.ts';
import { AppError, badRequest, validationError } from '../../core/errors.ts';
import { MAX_LIMIT } from '../../core/graphql/complexity.ts';
import { idArg } from '../../lib/list-args.ts';
import { visibleGenericItems } from './generic-item-filters.ts';

/** Job that tells the item's author about a new message (see message-notify-job.ts). */
export const NOTIFY_MESSAGE_JOB = 'generic-items.notify-message';

/** Limits, in characters (code points, as PostgreSQL's length() counts); the table's CHECKs repeat them. */
export const MAX_NAME = 200;
export const MAX_EMAIL = 254;
export const MAX_PHONE = 50;
export const MAX_MESSAGE = 4000;
/** At most this many messages per item within one hour, so that nobody can flood an author (or the table). */
export const MESSAGES_PER_ITEM_PER_HOUR = 20;

export type CreateGenericItemMessageArgs = {
  genericItemId: unknown;
  name: string;
  email: string;
  phoneNumber?: string | null;
  message: string;
  termsOfService: boolean;
  visible?: boolean | null;
};

type Status = { id: string | null; status: string; statusCode: number };

const chars = (s: string) => [...s].length;

/** Control characters and bidirectional overrides: never part of a name, address or number (they would corrupt mail headers). */
const LINE_CONTROLS = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** In a message, line breaks and tabs are fine; other control characters are not. */
const TEXT_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

/** A syntactically usable e-mail address: local@domain.tld, no spaces, quotes, comments or IP literals. */
export function isEmailAddress(email: string): boolean {
  if (chars(email) > MAX_EMAIL) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (chars(local) > 64 || !LOCAL_PART.test(local)) return false;
  if (chars(domain) > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => chars(l) <= 63 && DOMAIN_LABEL.test(l))) return false;
  return TOP_LEVEL.test(labels[labels.length - 1]);
}

function requiredLine(value: unknown, field: string, max: number): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s === '') throw validationError(`Invalid input: ${field} is required.`);
  if (chars(s) > max) throw validationError(`Invalid input: ${field} is longer than ${max} characters.`);
  if (LINE_CONTROLS.test(s)) throw validationError(`Invalid input: ${field} contains control characters.`);
  return s;
}

/**
 * The columns of a message, validated. Error messages never repeat the values: they are
 * personal data and errors may end up in logs. Texts are kept as plain text, exactly as sent
 * (apart from surrounding whitespace): no HTML is interpreted or stripped, whoever shows or
 * mails them must escape them.
 */
export function messageValuesFrom(args: CreateGenericItemMessageArgs) {
  const name = requiredLine(args.name, 'name', MAX_NAME);
  const email = requiredLine(args.email, 'email', MAX_EMAIL);
  if (!isEmailAddress(email)) throw validationError('Invalid input: email is not a valid e-mail address (name@example.org).');
  // The app sends "" when the field was left empty.
  const phone = typeof args.phoneNumber === 'string' && args.phoneNumber.trim() !== '' ? requiredLine(args.phoneNumber, 'phoneNumber', MAX_PHONE) : null;
  if (phone !== null && (!/^\+?[0-9 ()/.-]+$/.test(phone) || (phone.match(/[0-9]/g)?.length ?? 0) < 3)) {
    throw validationError('Invalid input: phoneNumber may contain only digits, spaces, "+", "/", "-", "." and brackets.');
  }
  const message = typeof args.message === 'string' ? args.message.trim() : '';
  if (message === '') throw validationError('Invalid input: message is required.');
  if (chars(message) > MAX_MESSAGE) throw validationError(`Invalid input: message is longer than ${MAX_MESSAGE} characters.`);
  if (TEXT_CONTROLS.test(message)) throw validationError('Invalid input: message contains control characters.');
  return { name, email, phone_number: phone, message, visible: args.visible ?? true };
}

const publicOnly: Visibility = { all: false, ownDataProviderId: null };

/**
 * createGenericItemMessage (reference §4.1, §6.6): a citizen writes to the author of a
 * (noticeboard) item. Any caller may (the app's token or none: it is a citizen action); a
 * presented but unusable token is refused so that the app renews it. Outcomes as the
 * mainserver: a Status with 404 for an unknown or unpublished item, 403 when the terms were not
 * accepted; malformed input and a flooded item are GraphQL errors. Runs in the mutation's
 * transaction: the message and its notification job are stored together or not at all.
 */
export async function createGenericItemMessage(ctx: GraphQLContext, args: CreateGenericItemMessageArgs): Promise<Status> {
  if (ctx.principal.kind === 'rejected') throw new AppError('UNAUTHENTICATED', ctx.principal.reason);
  const values = messageValuesFrom(args);
  if (args.termsOfService !== true) return { id: null, status: 'The terms of service must be accepted.', statusCode: 403 };

  const itemId = idArg(args.genericItemId);
  const item =
    itemId === null
      ? undefined
      : await ctx.db
          .selectFrom('generic_items as g')
          .select('g.id')
          .where('g.id', '=', itemId)
          .where((eb) => visibleGenericItems(eb, publicOnly))
          .executeTakeFirst();
  if (!item) return { id: null, status: 'Generic item not found', statusCode: 404 };

  // One writer per item at a time (released at commit), so that concurrent requests cannot
  // both pass the count below. Item ids are unique across tenants.
  await sql`SELECT pg_advisory_xact_lock(hashtext('generic_item_messages'), ${item.id}::integer)`.execute(ctx.db);
  const recent = await ctx.db
    .selectFrom('generic_item_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('generic_item_id', '=', item.id)
    .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= MESSAGES_PER_ITEM_PER_HOUR) {
    throw badRequest(`Too many messages to this entry: at most ${MESSAGES_PER_ITEM_PER_HOUR} per hour. Please try again later.`, { reason: 'RATE_LIMITED' });
  }

  const row = await ctx.db
    .insertInto('generic_item_messages')
    .values({ generic_item_id: item.id, terms_of_service: true, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.enqueue(ctx.db, { name: NOTIFY_MESSAGE_JOB, payload: { genericItemMessageId: row.id } });
  return { id: String(row.id), status: 'Message was successfully created', statusCode: 200 };
}

export type GenericItemMessageRow = { id: number; generic_item_id: number; message: string; visible: boolean };

/**
 * GenericItem.genericItemMessages: only for callers who may modify the item (admins, editors,
 * the owning data provider); everyone else gets []. Only id, message and visible ever leave the
 * table — never the sender's name, e-mail or phone. Oldest first, the latest MAX_LIMIT per
 * item; one query for all items of a request.
 */
export function messagesOf(ctx: GraphQLContext, item: { id: number; data_provider_id: number | null }): Promise<GenericItemMessageRow[]> {
  const p = ctx.principal;
  if (p.kind !== 'account' || !canModifyRecord(p, item.data_provider_id)) return Promise.resolve([]);
  return batchLoad(
    ctx,
    'generic-items:messages',
    async (ids: number[]) => {
      const ranked = ctx.db
        .selectFrom('generic_item_messages as m')
        .select(['m.id', 'm.generic_item_id', 'm.message', 'm.visible', sql<number>`row_number() OVER (PARTITION BY m.generic_item_id ORDER BY m.id DESC)`.as('rank')])
        .where('m.generic_item_id', 'in', ids);
      const rows = (await ctx.db
        .selectFrom(ranked.as('x'))
        .select(['x.id', 'x.generic_item_id', 'x.message', 'x.visible'])
        .where('x.rank', '<=', MAX_LIMIT)
        .orderBy('x.generic_item_id')
        .orderBy('x.id')
        .execute()) as GenericItemMessageRow[];
      const out = new Map<number, GenericItemMessageRow[]>();
      for (const r of rows) out.set(r.generic_item_id, [...(out.get(r.generic_item_id) ?? []), r]);
      return out;
    },
    item.id,
  ).then((v) => v ?? []);
}

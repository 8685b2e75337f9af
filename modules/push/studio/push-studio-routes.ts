import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import { csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { orderedCategoryTree, type CategoryNode } from '../../studio/content/category-admin.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { guardedSession } from '../../studio/server/admin-guard.ts';
import { auditStudio, sessionActor } from '../../studio/server/studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from '../../studio/server/studio-http.ts';
import { createMessage } from '../messages/message.ts';
import { canSendPush, canViewPush } from './push-access.ts';
import { EMPTY_FORM, readMessageForm, type MessageFormErrors, type MessageFormValues } from './message-form.ts';
import { linkableTypes, recentLinkChoices, resolveLink } from './message-links.ts';
import { cancelMessage, failedDeliveries, findMessage, listMessages, targetNames } from './message-store.ts';
import { pushTexts } from './push-texts.ts';
import { MessageListPage } from './pages/message-list-page.tsx';
import { MessageFormPage, type CategoryChoice } from './pages/message-form-page.tsx';
import { MessagePage } from './pages/message-page.tsx';
import { berlinTime } from './pages/message-parts.tsx';

const PER_PAGE = 20;
const LOG_PER_PAGE = 50;
const PageQuery = z.object({ seite: z.coerce.number().int().min(1).max(100_000).catch(1) });
const MessageQuery = PageQuery.extend({ gespeichert: z.string().optional().catch(undefined), abgebrochen: z.string().optional().catch(undefined) });
const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const pagesOf = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));

/** The category tree in its order, one line per category with its depth. */
const flatten = (nodes: CategoryNode[], level = 0): CategoryChoice[] => nodes.flatMap((n) => [{ id: n.id, name: n.name, level }, ...flatten(n.children, level + 1)]);

/**
 * /studio/push: the municipality's push messages — list, a free message, one message with its
 * delivery log, cancelling a scheduled one. Registered by the push module, so the pages exist only
 * where push is enabled; the studio's sessions, CSRF tokens, layout and audit log are used as its
 * own pages use them. Every rule is checked here (push-access.ts).
 */
export const pushStudioRoutes: RoutePlugin = (app, scopeOf, { sessions, modules }) => {
  const texts = (req: FastifyRequest) => pushTexts(langOf(req));
  const db = async (req: FastifyRequest) => (await scopeOf(req)).db;
  /** The session, if it may do this; else the login (back to the page, not to a post's address) or 403 is sent. */
  const guard = (req: FastifyRequest, reply: FastifyReply, allowed: (p: AccountPrincipal) => boolean) =>
    guardedSession(sessions, req, reply, { path: req.url.split('?')[0]!.replace(/\/abbrechen$/, ''), title: texts(req).title, allowed: (s) => allowed(s.principal), refusal: texts(req).notAllowed });
  const alert = (req: FastifyRequest, reply: FastifyReply, status: number, text: string, session: SessionInfo) =>
    sendStudioPage(req, reply, status, texts(req).title, h('p', { role: 'alert' }, text), session.csrf);
  const tokenValid = (req: FastifyRequest, session: SessionInfo, presented: unknown) => sameOrigin(req) && csrfMatches(session.csrf, presented);

  app.get('/studio/push', async (req, reply) => {
    const session = await guard(req, reply, canViewPush);
    if (!session) return reply;
    const { seite } = PageQuery.parse(req.query ?? {});
    const scopeDb = await db(req);
    const { rows, total } = await listMessages(scopeDb, seite, PER_PAGE);
    const content = h(MessageListPage, { rows, names: await targetNames(scopeDb, rows), page: seite, pages: pagesOf(total, PER_PAGE), canSend: canSendPush(session.principal) });
    return sendStudioPage(req, reply, 200, texts(req).title, content, session.csrf);
  });

  const formPage = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, values: MessageFormValues, errors: MessageFormErrors = {}, error: string | null = null) => {
    const scopeDb = await db(req);
    const [links, tree] = await Promise.all([recentLinkChoices(scopeDb, linkableTypes(modules, req.tenant), langOf(req)), orderedCategoryTree(scopeDb)]);
    const content = h(MessageFormPage, { csrf: session.csrf, values, errors, error, links, categories: flatten(tree) });
    return sendStudioPage(req, reply, status, texts(req).newTitle, content, session.csrf);
  };

  app.get('/studio/push/neu', async (req, reply) => {
    const session = await guard(req, reply, canSendPush);
    return session ? formPage(req, reply, session, 200, EMPTY_FORM) : reply;
  });

  app.post('/studio/push/neu', async (req, reply) => {
    const session = await guard(req, reply, canSendPush);
    if (!session) return reply;
    const t = texts(req);
    const scopeDb = await db(req);
    const types = linkableTypes(modules, req.tenant);
    const categoryIds = new Set((await scopeDb.selectFrom('categories').select('id').execute()).map((c) => c.id as number));
    const form = await readMessageForm(req.body, t, { categoryIds, resolveLink: (value) => resolveLink(scopeDb, types, value) });
    if (!form) return formPage(req, reply, session, 400, EMPTY_FORM, {}, t.badForm);
    if (!tokenValid(req, session, form.csrf)) return formPage(req, reply, session, 403, form.values, {}, studioTexts(langOf(req)).formExpired);
    const m = form.message;
    if (!m) return formPage(req, reply, session, 400, form.values, form.errors);
    const id = await scopeDb.transaction().execute(async (trx) => {
      // Without a source key a message is always made: the id is never null here.
      const id = (await createMessage(trx, { title: m.title, body: m.body, url: m.link?.url ?? null, data: m.link?.data ?? {}, target: m.target, source: 'studio', createdBy: session.email, sendAt: m.sendAt }))!;
      const detail = { title: m.title, sendAt: m.sendAt?.toISOString() ?? 'now', platform: m.target.platform, categoryIds: m.target.categoryIds, url: m.link?.url ?? null };
      await auditStudio(scopeOf, req, sessionActor(session), 'push.send', { targetType: 'PushMessage', targetId: String(id), detail }, trx);
      return id;
    });
    return reply.code(303).header('location', `/studio/push/${id}?gespeichert=1`).send();
  });

  type Outcome = { page?: number; saved?: boolean; cancelled?: boolean; error?: string };
  const messagePage = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, id: number, o: Outcome) => {
    const t = texts(req);
    const scopeDb = await db(req);
    const message = await findMessage(scopeDb, id);
    if (!message) return alert(req, reply, 404, t.notFound, session);
    const page = o.page ?? 1;
    const [names, log] = await Promise.all([targetNames(scopeDb, [message]), failedDeliveries(scopeDb, id, page, LOG_PER_PAGE)]);
    const scheduled = message.status === 'queued' && !message.due;
    const notice = o.cancelled ? t.cancelledNotice : o.saved ? (scheduled ? fillText(t.scheduledNotice, { time: berlinTime(message.send_at, langOf(req)) }) : t.sentNotice) : null;
    const content = h(MessagePage, {
      message,
      names,
      log,
      page,
      pages: pagesOf(message.counts.failed + message.counts.removed, LOG_PER_PAGE),
      cancelCsrf: canSendPush(session.principal) ? session.csrf : null,
      error: o.error ?? null,
      notice,
    });
    return sendStudioPage(req, reply, status, message.title, content, session.csrf);
  };

  app.get('/studio/push/:id', async (req, reply) => {
    const session = await guard(req, reply, canViewPush);
    if (!session) return reply;
    const id = IdParam.safeParse(req.params);
    if (!id.success) return alert(req, reply, 404, texts(req).notFound, session);
    const q = MessageQuery.parse(req.query ?? {});
    return messagePage(req, reply, session, 200, id.data.id, { page: q.seite, saved: q.gespeichert !== undefined, cancelled: q.abgebrochen !== undefined });
  });

  app.post('/studio/push/:id/abbrechen', async (req, reply) => {
    const session = await guard(req, reply, canSendPush);
    if (!session) return reply;
    const id = IdParam.safeParse(req.params);
    if (!id.success) return alert(req, reply, 404, texts(req).notFound, session);
    if (!tokenValid(req, session, (req.body as { _csrf?: unknown } | undefined)?._csrf)) return messagePage(req, reply, session, 403, id.data.id, { error: studioTexts(langOf(req)).formExpired });
    const cancelled = await (await db(req)).transaction().execute(async (trx) => {
      const done = await cancelMessage(trx, id.data.id);
      if (done) await auditStudio(scopeOf, req, sessionActor(session), 'push.cancel', { targetType: 'PushMessage', targetId: String(id.data.id) }, trx);
      return done;
    });
    if (!cancelled) return messagePage(req, reply, session, 409, id.data.id, { error: texts(req).notQueued });
    return reply.code(303).header('location', `/studio/push/${id.data.id}?abgebrochen=1`).send();
  });
};

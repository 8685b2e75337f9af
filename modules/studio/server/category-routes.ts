import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { readCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { CategoryInputSchema, createCategory, deleteCategory, moveCategory, orderedCategoryTree, reorderCategories, updateCategory, type CategoryRefusal } from '../content/category-admin.ts';
import { CategoriesPage } from '../pages/categories-page.tsx';
import { categoriesTexts } from '../pages/categories-texts.ts';
import { studioTexts } from '../pages/studio-texts.ts';
import { auditStudio, sessionActor } from './studio-audit.ts';
import { langOf, sameOrigin, sendStudioPage } from './studio-http.ts';
import { studioScript } from './studio-assets.ts';

const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const MoveSchema = z.object({ richtung: z.enum(['up', 'down']) });
const MovedQuery = z.object({ verschoben: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) });
const CategoryId = z.number().int().positive().max(2_147_483_647);
/** The drag-and-drop script's request: one parent's subcategories in their new order. */
const ReorderSchema = z.object({
  parent: CategoryId.nullable(),
  order: z
    .array(CategoryId)
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length),
});

/** Drag and drop for the order (the page works without it). */
const orderScript = studioScript('category-order');

/** Who may change the category tree: those who configure the app (as the API's category maintenance). */
const canConfigure = (s: SessionInfo) => s.principal.platformAdmin || s.principal.role === 'admin' || s.principal.role === 'editor';
const canView = (s: SessionInfo) => canConfigure(s) || s.principal.role === 'read_only';

/** /studio/kategorien: the category tree — add, rename, move under another, order, delete. */
export const categoryRoutes: RoutePlugin = (app, scopeOf, { sessions }) => {
  const sessionOf = (req: FastifyRequest) => sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);

  const page = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, error: string | null, notice: string | null, moved: number | null = null) => {
    const tree = await orderedCategoryTree((await scopeOf(req)).db);
    const canEdit = canConfigure(session);
    const content = h(CategoriesPage, { tree, csrf: session.csrf, canEdit, error, notice, moved });
    return sendStudioPage(req, reply, status, categoriesTexts(langOf(req)).title, content, session.csrf, canEdit ? orderScript : []);
  };

  /** The session for a page or a change; the reply is sent (login, 403) otherwise. */
  const guard = async (req: FastifyRequest, reply: FastifyReply, change: boolean): Promise<SessionInfo | null> => {
    const session = await sessionOf(req);
    const t = studioTexts(langOf(req));
    if (!session) {
      reply.code(303).header('location', '/studio/anmelden?weiter=/studio/kategorien').send();
      return null;
    }
    if (!(change ? canConfigure(session) : canView(session))) {
      await sendStudioPage(req, reply, 403, categoriesTexts(langOf(req)).title, h('p', { role: 'alert' }, categoriesTexts(langOf(req)).notAllowed), session.csrf);
      return null;
    }
    if (change && (!sameOrigin(req) || !csrfMatches(session.csrf, (req.body as { _csrf?: unknown } | undefined)?._csrf))) {
      await page(req, reply, session, 403, t.formExpired, null);
      return null;
    }
    return session;
  };

  const refusal = (req: FastifyRequest, reason: CategoryRefusal) => {
    const t = categoriesTexts(langOf(req));
    return { duplicate: [409, t.duplicate], cycle: [400, t.cycle], 'not-found': [404, t.notFound] }[reason] as [number, string];
  };

  app.get('/studio/kategorien', async (req, reply) => {
    const session = await guard(req, reply, false);
    return session ? page(req, reply, session, 200, null, null, MovedQuery.parse(req.query ?? {}).verschoben ?? null) : reply;
  });

  app.post('/studio/kategorien', async (req, reply) => {
    const session = await guard(req, reply, true);
    if (!session) return reply;
    const t = categoriesTexts(langOf(req));
    const input = CategoryInputSchema.safeParse(req.body ?? {});
    if (!input.success) return page(req, reply, session, 400, t.badInput, null);
    const db = (await scopeOf(req)).db;
    const outcome = await db.transaction().execute(async (trx) => {
      const created = await createCategory(trx, input.data);
      if (created.ok) await auditStudio(scopeOf, req, sessionActor(session), 'category.create', { targetType: 'Category', targetId: String(created.id), detail: { name: input.data.name } }, trx);
      return created;
    });
    if (!outcome.ok) return page(req, reply, session, ...refusal(req, outcome.reason), null);
    return page(req, reply, session, 200, null, fillText(t.created, { name: input.data.name }));
  });

  app.post('/studio/kategorien/:id', async (req, reply) => {
    const session = await guard(req, reply, true);
    if (!session) return reply;
    const t = categoriesTexts(langOf(req));
    const id = IdParam.safeParse(req.params);
    const input = CategoryInputSchema.safeParse(req.body ?? {});
    if (!id.success) return page(req, reply, session, 404, t.notFound, null);
    if (!input.success) return page(req, reply, session, 400, t.badInput, null);
    const db = (await scopeOf(req)).db;
    const outcome = await db.transaction().execute(async (trx) => {
      const updated = await updateCategory(trx, id.data.id, input.data);
      if (updated.ok) await auditStudio(scopeOf, req, sessionActor(session), 'category.update', { targetType: 'Category', targetId: String(id.data.id), detail: { name: input.data.name, parent: input.data.parent } }, trx);
      return updated;
    });
    if (!outcome.ok) return page(req, reply, session, ...refusal(req, outcome.reason), null);
    return page(req, reply, session, 200, null, fillText(t.saved, { name: input.data.name }));
  });

  app.post('/studio/kategorien/:id/verschieben', async (req, reply) => {
    const session = await guard(req, reply, true);
    if (!session) return reply;
    const id = IdParam.safeParse(req.params);
    const move = MoveSchema.safeParse(req.body ?? {});
    if (!id.success || !move.success) return page(req, reply, session, 400, categoriesTexts(langOf(req)).notFound, null);
    const db = (await scopeOf(req)).db;
    const moved = await db.transaction().execute(async (trx) => {
      const done = await moveCategory(trx, id.data.id, move.data.richtung);
      if (done) await auditStudio(scopeOf, req, sessionActor(session), 'category.move', { targetType: 'Category', targetId: String(id.data.id), detail: { direction: move.data.richtung } }, trx);
      return done;
    });
    if (!moved) return page(req, reply, session, 404, categoriesTexts(langOf(req)).notFound, null);
    // Back to the moved category, so keyboard and screen-reader users keep their place and hear where it is now.
    return reply.code(303).header('location', `/studio/kategorien?verschoben=${id.data.id}#kategorie-${id.data.id}`).send();
  });

  /**
   * Drag and drop: JSON in and out, called by the page's script only (the ↑/↓ forms are the way
   * without script). The session's token comes as x-csrf-token; the order is checked against the
   * tree as it is now and written with its audit entry in one transaction.
   */
  app.post('/studio/kategorien/reihenfolge', async (req, reply) => {
    const t = categoriesTexts(langOf(req));
    const refuse = (status: number, error: string) => reply.code(status).header('cache-control', 'no-store').send({ error });
    const session = await sessionOf(req);
    if (!session) return refuse(401, studioTexts(langOf(req)).formExpired);
    if (!canConfigure(session)) return refuse(403, t.notAllowed);
    if (!sameOrigin(req) || !csrfMatches(session.csrf, req.headers['x-csrf-token'])) return refuse(403, studioTexts(langOf(req)).formExpired);
    const input = ReorderSchema.safeParse(req.body);
    if (!input.success) return refuse(400, t.badOrder);
    const db = (await scopeOf(req)).db;
    const outcome = await db.transaction().execute(async (trx) => {
      const done = await reorderCategories(trx, input.data);
      if (done.ok) {
        const target = done.moved ?? input.data.parent;
        await auditStudio(scopeOf, req, sessionActor(session), 'category.reorder', { targetType: 'Category', targetId: target === null ? undefined : String(target), detail: { ...input.data, moved: done.moved } }, trx);
      }
      return done;
    });
    if (!outcome.ok) {
      const [status, error] = ({ 'not-found': [404, t.notFound], stale: [409, t.stale], cycle: [400, t.cycle] } as const)[outcome.reason];
      return refuse(status, error);
    }
    return reply.header('cache-control', 'no-store').send({ ...input.data, moved: outcome.moved });
  });

  app.post('/studio/kategorien/:id/loeschen', async (req, reply) => {
    const session = await guard(req, reply, true);
    if (!session) return reply;
    const t = categoriesTexts(langOf(req));
    const id = IdParam.safeParse(req.params);
    if (!id.success) return page(req, reply, session, 404, t.notFound, null);
    if ((req.body as { bestaetigt?: unknown } | undefined)?.bestaetigt !== 'ja') return page(req, reply, session, 400, t.confirmNeeded, null);
    const db = (await scopeOf(req)).db;
    const name = await db.transaction().execute(async (trx) => {
      const removed = await deleteCategory(trx, id.data.id);
      if (removed !== null) await auditStudio(scopeOf, req, sessionActor(session), 'category.delete', { targetType: 'Category', targetId: String(id.data.id), detail: { name: removed } }, trx);
      return removed;
    });
    if (name === null) return page(req, reply, session, 404, t.notFound, null);
    return page(req, reply, session, 200, null, fillText(t.removed, { name }));
  });
};

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { studioTexts } from '../../studio/pages/studio-texts.ts';
import { langOf } from '../../studio/server/studio-http.ts';
import { staffLabel, staffMembers } from '../team/staff-members.ts';
import { canConfigureDefects } from './defects-access.ts';
import { idOf } from '../../studio/server/module-studio-kit.ts';
import { formBody, type DefectsKit } from './defects-studio-kit.ts';
import { categoryValues, codeFree, emptyCategory, insertCategory, listCategories, loadCategory, readCategory, updateCategory, valuesOfRecord, type CategoryValues } from './category-form.ts';
import { CATEGORIES_PATH, CategoriesPage } from './pages/categories-page.tsx';
import { CategoryPage } from './pages/category-page.tsx';

/** /studio/maengelmelder/kategorien: the categories (Open311 services) and their teams; admins only. */
export function categoryRoutes(app: FastifyInstance, kit: DefectsKit) {
  type FormState = { id: number | null; values: CategoryValues; errors?: Record<string, string>; error?: string; notice?: string };
  const formPage = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, status: number, s: FormState) => {
    const t = kit.texts(req);
    const staff = await staffMembers(await kit.db(req));
    const content = h(CategoryPage, { id: s.id, csrf: session.csrf, values: s.values, errors: s.errors ?? {}, error: s.error ?? null, notice: s.notice ?? null, staff });
    return kit.page(req, reply, status, s.id === null ? t.newCategoryTitle : s.values.name, content, session);
  };

  /** Reads and checks the post; answers the form again when it cannot be saved, else returns the record. */
  const read = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo, id: number | null, storedCode: string | null) => {
    const t = kit.texts(req);
    const body = formBody(req);
    const values = { ...categoryValues(body), ...(storedCode === null ? {} : { code: storedCode }) };
    if (!kit.tokenValid(req, session, body._csrf)) {
      await formPage(req, reply, session, 403, { id, values, error: studioTexts(langOf(req)).formExpired });
      return null;
    }
    const db = await kit.db(req);
    const { errors, record } = readCategory(values, await staffMembers(db), t);
    if (record && !(await codeFree(db, record.code, id))) errors.code = t.codeTaken;
    if (!record || errors.code) {
      await formPage(req, reply, session, 400, { id, values, errors });
      return null;
    }
    return record;
  };

  app.get(CATEGORIES_PATH, async (req, reply) => {
    const session = await kit.guard(req, reply, canConfigureDefects);
    if (!session) return reply;
    const db = await kit.db(req);
    const [categories, staff] = await Promise.all([listCategories(db), staffMembers(db)]);
    const teamNames = (ids: number[]) => staff.filter((m) => ids.includes(m.accountId)).map(staffLabel).join(', ');
    const saved = (req.query as { gespeichert?: unknown } | undefined)?.gespeichert !== undefined;
    const t = kit.texts(req);
    return kit.page(req, reply, 200, t.categoriesTitle, h(CategoriesPage, { categories, teamNames, notice: saved ? t.categorySaved : null }), session);
  });

  app.get(`${CATEGORIES_PATH}/neu`, async (req, reply) => {
    const session = await kit.guard(req, reply, canConfigureDefects);
    if (!session) return reply;
    return formPage(req, reply, session, 200, { id: null, values: emptyCategory });
  });

  app.post(`${CATEGORIES_PATH}/neu`, async (req, reply) => {
    const session = await kit.guard(req, reply, canConfigureDefects);
    if (!session) return reply;
    const record = await read(req, reply, session, null, null);
    if (!record) return reply;
    await (await kit.db(req)).transaction().execute(async (trx) => {
      const id = await insertCategory(trx, record);
      await kit.audit(req, session, 'category.create', { targetType: 'DefectCategory', targetId: String(id), detail: { code: record.code } }, trx);
    });
    return reply.code(303).header('location', `${CATEGORIES_PATH}?gespeichert=1`).send();
  });

  /** The category of the address, or null once "not found" is answered. */
  const stored = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo) => {
    const id = idOf(req.params);
    const found = id === null ? undefined : await loadCategory(await kit.db(req), id);
    if (!found) {
      await kit.alert(req, reply, 404, kit.texts(req).categoryNotFound, session);
      return null;
    }
    return { id: id!, found };
  };

  app.get(`${CATEGORIES_PATH}/:id`, async (req, reply) => {
    const session = await kit.guard(req, reply, canConfigureDefects);
    if (!session) return reply;
    const s = await stored(req, reply, session);
    if (!s) return reply;
    return formPage(req, reply, session, 200, { id: s.id, values: valuesOfRecord(s.found) });
  });

  app.post(`${CATEGORIES_PATH}/:id`, async (req, reply) => {
    const session = await kit.guard(req, reply, canConfigureDefects);
    if (!session) return reply;
    const s = await stored(req, reply, session);
    if (!s) return reply;
    const record = await read(req, reply, session, s.id, s.found.code);
    if (!record) return reply;
    await (await kit.db(req)).transaction().execute(async (trx) => {
      await updateCategory(trx, s.id, record);
      await kit.audit(req, session, 'category.update', { targetType: 'DefectCategory', targetId: String(s.id), detail: { code: record.code, active: record.active } }, trx);
    });
    return reply.code(303).header('location', `${CATEGORIES_PATH}?gespeichert=1`).send();
  });
}

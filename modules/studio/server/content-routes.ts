import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import type { ContentEditor } from '../../../core/registry/content-editor.ts';
import type { Tenant } from '../../../core/tenancy/tenant.ts';
import { AppError } from '../../../core/errors.ts';
import { readCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, csrfMatches, type SessionInfo } from '../../../core/auth/sessions.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { contentTexts } from '../content/content-texts.ts';
import { ListQuerySchema, listRecords, listTrashed } from '../content/content-list.ts';
import { readState } from '../content/editorial-state.ts';
import { findRevision, listRevisions } from '../content/revisions.ts';
import { rawValues, validateValues } from '../content/form-values.ts';
import { ControlSchema, readPublication } from '../content/editorial-input.ts';
import { saveRecord, setTrashed, type Actor } from '../content/content-service.ts';
import { canViewContent, canWriteContent, mayChooseProvider, ownProviderFilter, canEditRecord } from '../content/content-access.ts';
import { ContentListPage } from '../pages/content/content-list-page.tsx';
import { HistoryPage } from '../pages/content/history-page.tsx';
import { TrashPage, type TrashEntry } from '../pages/content/trash-page.tsx';
import { ContentIndexPage } from '../pages/content/content-index-page.tsx';
import { dateTime } from '../pages/content/state-text.ts';
import { studioTexts } from '../pages/studio-texts.ts';
import { attemptLogin } from './login-attempt.ts';
import { currentImages, libraryImages } from '../content/form-images.ts';
import { categoryNames, conflictText, editorialFieldsOf, sendContentForm, type FormState } from './content-form.ts';
import { formCsrfValid, langOf, sameOrigin, sendStudioPage } from './studio-http.ts';
import { sendAppPreview } from './app-preview.ts';
import { chosenParent, parentIdOf, parentOptions } from '../content/content-tree.ts';
import { detailPath } from '../../web-app/server/route-descriptor.ts';

const IdParam = z.object({ slug: z.string().max(60), id: z.coerce.number().int().positive().max(2_147_483_647) });
const SlugParam = z.object({ slug: z.string().max(60) });
const EditQuery = z.object({ version: z.coerce.number().int().positive().optional().catch(undefined), gespeichert: z.string().optional(), wiederhergestellt: z.string().optional() });
const NewQuery = z.object({ vorlage: z.coerce.number().int().positive().optional().catch(undefined), eltern: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) });
const ListNotice = z.object({ papierkorb: z.coerce.number().int().positive().optional().catch(undefined) });

/**
 * /studio/inhalte: lists, forms, versions and the trash for every content type whose module the
 * tenant has enabled and which declares an editor. Every rule is checked here on the server.
 */
export const contentRoutes: RoutePlugin = (app, scopeOf, services) => {
  const { sessions, modules } = services;
  const editorsOf = (tenant: Tenant): ContentEditor[] => modules.filter((m) => tenant.enabledModules.includes(m.name)).flatMap((m) => m.editors ?? []);
  const editorFor = (req: FastifyRequest, slug: string) => editorsOf(req.tenant).find((e) => e.slug === slug) ?? null;
  const sessionOf = (req: FastifyRequest) => sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);
  const actorOf = (req: FastifyRequest, s: SessionInfo): Actor => ({ principal: s.principal, label: s.email, tenantId: req.tenant.id, ip: req.ip });
  const db = async (req: FastifyRequest) => (await scopeOf(req)).db;

  const message = (req: FastifyRequest, reply: FastifyReply, status: number, text: string, session: SessionInfo | null) =>
    sendStudioPage(req, reply, status, contentTexts(langOf(req)).content, h('p', { role: 'alert' }, text), session?.csrf);

  /** A session allowed to see content, else the reply is sent (login, 403) and null returned. */
  const viewer = async (req: FastifyRequest, reply: FastifyReply): Promise<SessionInfo | null> => {
    const session = await sessionOf(req);
    if (!session) {
      reply.code(303).header('location', `/studio/anmelden?weiter=${encodeURIComponent(req.url.split('?')[0]!)}`).send();
      return null;
    }
    if (!canViewContent(session.principal)) {
      message(req, reply, 403, contentTexts(langOf(req)).notAllowed, session);
      return null;
    }
    return session;
  };

  /** For form posts: the session, its token and write permission; the reply is sent otherwise. */
  const writer = async (req: FastifyRequest, reply: FastifyReply): Promise<SessionInfo | null> => {
    const session = await viewer(req, reply);
    if (!session) return null;
    const t = contentTexts(langOf(req));
    if (!sameOrigin(req) || !csrfMatches(session.csrf, (req.body as { _csrf?: unknown } | undefined)?._csrf)) {
      message(req, reply, 403, studioTexts(langOf(req)).formExpired, session);
      return null;
    }
    if (!canWriteContent(session.principal)) {
      message(req, reply, 403, t.notAllowed, session);
      return null;
    }
    return session;
  };

  /** The record named by the URL, if it exists here and the viewer may see it; the reply is sent otherwise. */
  const openRecord = async (req: FastifyRequest, reply: FastifyReply, session: SessionInfo) => {
    const t = contentTexts(langOf(req));
    const params = IdParam.safeParse(req.params);
    const editor = params.success ? editorFor(req, params.data.slug) : null;
    if (!params.success || !editor) return void message(req, reply, 404, t.notFound, session);
    const scopeDb = await db(req);
    const loaded = await editor.load(scopeDb, params.data.id);
    if (!loaded) return void message(req, reply, 404, t.notFound, session);
    // Authors see only their own provider's records, here as in the lists.
    if (ownProviderFilter(session.principal) !== undefined && !canEditRecord(session.principal, loaded.dataProviderId)) return void message(req, reply, 403, t.notYours, session);
    return { editor, id: params.data.id, scopeDb, loaded };
  };

  app.get('/studio/inhalte', async (req, reply) => {
    const session = await viewer(req, reply);
    if (!session) return reply;
    return sendStudioPage(req, reply, 200, contentTexts(langOf(req)).content, h(ContentIndexPage, { editors: editorsOf(req.tenant) }), session.csrf);
  });

  app.get('/studio/inhalte/:slug', async (req, reply) => {
    const session = await viewer(req, reply);
    if (!session) return reply;
    const editor = editorFor(req, SlugParam.parse(req.params).slug);
    const t = contentTexts(langOf(req));
    if (!editor) return message(req, reply, 404, t.notFound, session);
    const query = ListQuerySchema.parse(req.query ?? {});
    const own = ownProviderFilter(session.principal);
    const { rows, total } = await listRecords(await db(req), editor, query, own);
    const trashedId = ListNotice.parse(req.query ?? {}).papierkorb;
    const trashed = trashedId ? await editor.load(await db(req), trashedId) : null;
    const notice = trashed ? fillText(t.trashedNotice, { title: String(trashed.values[editor.titleField] ?? '') }) : null;
    const lang = langOf(req);
    return sendStudioPage(req, reply, 200, editor.title[lang], h(ContentListPage, { editor, query, rows, total, canCreate: canWriteContent(session.principal), notice }), session.csrf);
  });

  app.get('/studio/inhalte/:slug/neu', async (req, reply) => {
    const session = await viewer(req, reply);
    if (!session) return reply;
    const t = contentTexts(langOf(req));
    const editor = editorFor(req, SlugParam.parse(req.params).slug);
    if (!editor) return message(req, reply, 404, t.notFound, session);
    if (!canWriteContent(session.principal)) return message(req, reply, 403, t.notAllowed, session);
    const ownProvider = mayChooseProvider(session.principal) ? null : session.principal.dataProviderId;
    const { vorlage: template, eltern } = NewQuery.parse(req.query ?? {});
    const scopeDb = await db(req);
    const source = template ? await editor.load(scopeDb, template) : null;
    if (template && (!source || !canEditRecord(session.principal, source.dataProviderId))) return message(req, reply, 404, t.notFound, session);
    // "Unterelement anlegen": the parent must be one the new record may go under.
    const parent = eltern !== undefined && editor.tree ? (await parentOptions(scopeDb, editor, session.principal, null)).find((c) => c.id === eltern) : undefined;
    if (eltern !== undefined && !parent) return message(req, reply, 404, t.notFound, session);
    const values = source ? { ...source.values, [editor.titleField]: fillText(t.copyOf, { title: String(source.values[editor.titleField] ?? '') }) } : rawValues(editor.fields, {});
    const parentId = parent ? parent.id : template ? await parentIdOf(scopeDb, editor, template) : null;
    const form: FormState = { recordId: null, version: 0, values, editorial: { status: 'draft', publishAt: '', unpublishAt: '' }, providerId: source?.dataProviderId ?? ownProvider, parentId };
    const notice = source ? fillText(t.duplicated, { title: String(source.values[editor.titleField] ?? '') }) : parent ? fillText(t.childOf, { title: parent.title || `#${parent.id}` }) : null;
    return sendContentForm(req, reply, 200, scopeDb, editor, session, form, { notice });
  });

  app.get('/studio/inhalte/:slug/:id', async (req, reply) => {
    const session = await viewer(req, reply);
    if (!session) return reply;
    const lang = langOf(req);
    const t = contentTexts(lang);
    const record = await openRecord(req, reply, session);
    if (!record) return reply;
    const { editor, id, scopeDb, loaded } = record;
    const state = await readState(scopeDb, { recordType: editor.recordType, table: editor.table, id });
    if (!state || state.deletedAt) return message(req, reply, 404, t.notFound, session);
    const query = EditQuery.parse(req.query ?? {});
    const revision = query.version ? await findRevision(scopeDb, editor.recordType, id, query.version) : null;
    if (query.version && !revision) return message(req, reply, 404, t.notFound, session);
    const parentId = await parentIdOf(scopeDb, editor, id);
    const form: FormState = revision
      ? {
          recordId: id,
          version: state.version,
          values: revision.snapshot.values,
          editorial: editorialFieldsOf({ status: revision.snapshot.status, publishAt: revision.snapshot.publishAt ? new Date(revision.snapshot.publishAt) : null, unpublishAt: revision.snapshot.unpublishAt ? new Date(revision.snapshot.unpublishAt) : null }),
          providerId: loaded.dataProviderId,
          parentId,
        }
      : { recordId: id, version: state.version, values: loaded.values, editorial: editorialFieldsOf(state), providerId: loaded.dataProviderId, parentId };
    const notice = revision
      ? fillText(t.versionLoaded, { version: revision.version, at: dateTime(revision.at, lang) })
      : query.gespeichert !== undefined
        ? t.saved
        : query.wiederhergestellt !== undefined
          ? fillText(t.restoredNotice, { title: String(loaded.values[editor.titleField] ?? '') })
          : null;
    return sendContentForm(req, reply, 200, scopeDb, editor, session, form, { notice });
  });

  /** Create (no id) or update: validate, save with the version check, or show the form again with everything typed. */
  const save = async (req: FastifyRequest, reply: FastifyReply, slug: string, recordId: number | null) => {
    const lang = langOf(req);
    const t = contentTexts(lang);
    const editor = editorFor(req, slug);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const controls = ControlSchema.parse(body);
    const scopeDb = await db(req);
    const raw = rawValues(editor?.fields ?? [], body);
    const { publication, errors: timeErrors } = readPublication(controls, lang);
    const providerChoice = /^\d+$/.test(controls._provider) ? Number(controls._provider) : null;
    const currentParent = recordId === null || !editor ? null : await parentIdOf(scopeDb, editor, recordId);
    const form: FormState = { recordId, version: controls._version, values: raw, editorial: { status: controls._status, publishAt: controls._publishAt, unpublishAt: controls._unpublishAt }, providerId: providerChoice, parentId: currentParent };
    // Without a session the choice cannot be checked yet: it is kept as sent for the form shown again.
    if (editor?.tree && controls._parent !== undefined) form.parentId = /^\d{1,10}$/.test(controls._parent) ? Number(controls._parent) : currentParent;

    let session = await sessionOf(req);
    if (!session && editor) {
      // The session ended while the form was open: log in from within the form, keeping its content.
      if (!controls._relogin) return sendContentForm(req, reply, 401, scopeDb, editor, null, form, { problem: t.sessionExpired, relogin: true });
      if (!formCsrfValid(req, controls._logincsrf)) return sendContentForm(req, reply, 403, scopeDb, editor, null, form, { problem: studioTexts(lang).formExpired, relogin: true, email: controls._email });
      const attempt = await attemptLogin(sessions, scopeOf, req, reply, { email: controls._email, password: controls._password, code: controls._code.replace(/\s/g, '') });
      if (!attempt.ok) return sendContentForm(req, reply, attempt.status, scopeDb, editor, null, form, { problem: attempt.error, relogin: true, email: controls._email });
      session = await sessions.resolve(attempt.token, req.tenant.id);
      if (session && recordId !== null && !(await editor.load(scopeDb, recordId))) return message(req, reply, 404, t.notFound, session);
      if (session) return sendContentForm(req, reply, 200, scopeDb, editor, session, form, { notice: t.reloggedIn });
    }
    const writerSession = await writer(req, reply);
    if (!writerSession) return reply;
    if (!editor) return message(req, reply, 404, t.notFound, writerSession);
    const principal = writerSession.principal;
    if (recordId === null) form.providerId = mayChooseProvider(principal) ? providerChoice : principal.dataProviderId;

    const stored = recordId === null ? null : await editor.load(scopeDb, recordId);
    const storedImages = currentImages(editor.fields, stored?.values);
    const library = await libraryImages(scopeDb);
    const images = new Map(library.map((i) => [i.url, i]));
    const { values, errors } = validateValues(editor.fields, raw, { categories: await categoryNames(scopeDb), images: new Set([...images.keys(), ...storedImages]) }, lang);
    Object.assign(errors, timeErrors);
    for (const problem of editor.validate?.(values) ?? []) errors[problem.field] ??= problem.message[lang];
    const parent = editor.tree ? chosenParent(controls._parent, await parentOptions(scopeDb, editor, principal, recordId), currentParent) : { parentId: undefined, valid: true };
    if (!parent.valid) errors._parent = t.unknownParent;
    form.parentId = parent.parentId ?? currentParent;
    if (recordId === null && form.providerId !== null && !(await scopeDb.selectFrom('data_providers').select('id').where('id', '=', form.providerId).executeTakeFirst())) {
      errors._provider = t.notAllowed;
    }
    if (Object.keys(errors).length) return sendContentForm(req, reply, 400, scopeDb, editor, writerSession, { ...form, values }, { errors, storedImages });

    let outcome;
    try {
      outcome = await saveRecord(scopeDb, editor, actorOf(req, writerSession), { id: recordId, expectedVersion: controls._version, values, ...publication, dataProviderId: form.providerId, images, parentId: parent.parentId });
    } catch (err) {
      // The module's own checks (shared with its API) refused the values: nothing was written.
      if (err instanceof AppError && err.code === 'VALIDATION') return sendContentForm(req, reply, 400, scopeDb, editor, writerSession, { ...form, values }, { problem: err.message, storedImages });
      throw err;
    }
    if (outcome.ok) return reply.code(303).header('location', `/studio/inhalte/${editor.slug}/${outcome.value.id}?gespeichert`).send();
    if (outcome.reason === 'conflict') {
      // Shown again with the current version: saving once more is a conscious overwrite.
      const problem = conflictText(req, outcome.current, dateTime(outcome.current.updatedAt, lang));
      return sendContentForm(req, reply, 409, scopeDb, editor, writerSession, { ...form, values, version: outcome.current.version }, { problem, storedImages });
    }
    return message(req, reply, outcome.reason === 'forbidden' ? 403 : 404, outcome.reason === 'forbidden' ? t.notYours : t.notFound, writerSession);
  };

  app.post('/studio/inhalte/:slug/neu', (req, reply) => save(req, reply, SlugParam.parse(req.params).slug, null));
  app.post('/studio/inhalte/:slug/:id', async (req, reply) => {
    const params = IdParam.safeParse(req.params);
    if (!params.success) return message(req, reply, 404, contentTexts(langOf(req)).notFound, await sessionOf(req));
    return save(req, reply, params.data.slug, params.data.id);
  });

  const trashAction = (trashed: boolean) => async (req: FastifyRequest, reply: FastifyReply) => {
    const session = await writer(req, reply);
    if (!session) return reply;
    const t = contentTexts(langOf(req));
    const params = IdParam.safeParse(req.params);
    const editor = params.success ? editorFor(req, params.data.slug) : null;
    if (!params.success || !editor) return message(req, reply, 404, t.notFound, session);
    const outcome = await setTrashed(await db(req), editor, actorOf(req, session), params.data.id, trashed);
    if (!outcome.ok) return message(req, reply, outcome.reason === 'forbidden' ? 403 : 404, outcome.reason === 'forbidden' ? t.notYours : t.notFound, session);
    const next = trashed ? `/studio/inhalte/${editor.slug}?papierkorb=${params.data.id}` : `/studio/inhalte/${editor.slug}/${params.data.id}?wiederhergestellt`;
    return reply.code(303).header('location', next).send();
  };
  app.post('/studio/inhalte/:slug/:id/papierkorb', trashAction(true));
  app.post('/studio/inhalte/:slug/:id/wiederherstellen', trashAction(false));

  app.get('/studio/inhalte/:slug/:id/versionen', async (req, reply) => {
    const session = await viewer(req, reply);
    if (!session) return reply;
    const record = await openRecord(req, reply, session);
    if (!record) return reply;
    const { editor, id, scopeDb, loaded } = record;
    const revisions = await listRevisions(scopeDb, editor.recordType, id);
    const title = fillText(contentTexts(langOf(req)).historyOf, { title: String(loaded.values[editor.titleField] ?? '') });
    return sendStudioPage(req, reply, 200, title, h(HistoryPage, { editor, recordId: id, revisions }), session.csrf);
  });

  /**
   * The record's page in the citizen app, for the form's iframe: the web app's own loader and view,
   * reading the API through this session, so a draft shows to exactly those who may open its form.
   * Without a session it answers 403 instead of sending a login page, which a frame could not show.
   */
  app.get('/studio/inhalte/:slug/:id/vorschau', async (req, reply) => {
    const session = await sessionOf(req);
    const t = contentTexts(langOf(req));
    if (!session) return message(req, reply, 403, t.previewLogin, null);
    if (!canViewContent(session.principal)) return message(req, reply, 403, t.notAllowed, session);
    const record = await openRecord(req, reply, session);
    if (!record) return reply;
    const { editor, id, scopeDb } = record;
    const state = await readState(scopeDb, { recordType: editor.recordType, table: editor.table, id });
    const path = detailPath(editor.recordType, id);
    if (!state || state.deletedAt || !path) return message(req, reply, 404, t.notFound, session);
    const credentials = { cookie: `${SESSION_COOKIE}=${readCookie(req.headers.cookie, SESSION_COOKIE)}`, 'x-csrf-token': session.csrf };
    return sendAppPreview(app, req, reply, { path, credentials });
  });

  app.get('/studio/papierkorb', async (req, reply) => {
    const session = await viewer(req, reply);
    if (!session) return reply;
    const lang = langOf(req);
    const scopeDb = await db(req);
    const own = ownProviderFilter(session.principal);
    const entries: TrashEntry[] = [];
    for (const editor of editorsOf(req.tenant)) {
      for (const row of await listTrashed(scopeDb, editor, own)) {
        entries.push({ slug: editor.slug, typeTitle: editor.singular[lang], id: row.id, title: row.title, deletedAt: row.state!.deletedAt!, canRestore: canEditRecord(session.principal, row.dataProviderId) });
      }
    }
    entries.sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime());
    return sendStudioPage(req, reply, 200, contentTexts(lang).trash, h(TrashPage, { entries, csrf: session.csrf, notice: null }), session.csrf);
  });
};

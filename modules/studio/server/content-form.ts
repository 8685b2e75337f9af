import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { h } from 'preact';
import type { ContentEditor, EditorValues, TreeChoice } from '../../../core/registry/content-editor.ts';
import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { kindLabel, parentOptions, titleOf } from '../content/content-tree.ts';
import { listChildren } from '../content/content-list.ts';
import { stateText } from '../pages/content/state-text.ts';
import type { TreeView } from '../pages/content/tree-parts.tsx';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { berlinDateTimeLocal } from '../../../lib/berlin-time.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { ContentFormPage, type ContentFormPageProps, type EditorialFields } from '../pages/content/content-form-page.tsx';
import { contentTexts } from '../content/content-texts.ts';
import type { EditorialState } from '../content/editorial-state.ts';
import type { FieldErrors } from '../content/form-values.ts';
import { canEditRecord, mayChooseProvider, ownProviderFilter } from '../content/content-access.ts';
import { formCsrf, langOf, sendStudioPage } from './studio-http.ts';
import { studioScript } from './studio-assets.ts';
import { currentImages, imageOptions, libraryImages } from '../content/form-images.ts';
import { detailPath } from '../../web-app/server/route-descriptor.ts';

/** Where the form's iframe gets the record's page in the citizen app (content-routes.ts). */
export const contentPreviewPath = (editor: ContentEditor, id: number) => `/studio/inhalte/${editor.slug}/${id}/vorschau`;
import { trackMapSettings, type TrackMapSettings } from '../content/track-map-settings.ts';
import { inProcessGraphql } from '../../web-app/server/in-process-graphql.ts';
import { loadTenantSettings } from '../../web-app/server/tenant-settings.ts';
import { tileOrigin } from '../../web-app/server/map-settings.ts';

/** What a form shows: the values, the publication settings and who owns the record. */
export type FormState = {
  recordId: number | null;
  version: number;
  values: EditorValues;
  editorial: EditorialFields;
  providerId: number | null;
  /** Editors with a tree: the record's parent (null: top level). */
  parentId?: number | null;
};

export const editorialFieldsOf = (s: Pick<EditorialState, 'status' | 'publishAt' | 'unpublishAt'>): EditorialFields => ({
  status: s.status,
  publishAt: s.publishAt ? berlinDateTimeLocal(s.publishAt) : '',
  unpublishAt: s.unpublishAt ? berlinDateTimeLocal(s.unpublishAt) : '',
});

export const categoryNames = async (db: Kysely<any>) => (await db.selectFrom('categories').select('name').distinct().orderBy('name').execute()).map((r) => r.name as string);
const providerList = async (db: Kysely<any>) => (await db.selectFrom('data_providers').select(['id', 'name']).orderBy('name').execute()) as { id: number; name: string }[];

export type FormExtras = {
  errors?: FieldErrors;
  problem?: string | null;
  notice?: string | null;
  relogin?: boolean;
  email?: string;
  /** Images the stored record has (default: those of the shown values). */
  storedImages?: string[];
};

/** The forms' scripts, when built (forms work without them): the rich-text toolbar and the track map. */
const richText = studioScript('rich-text');
const trackMapScript = studioScript('track-map');
const scriptsFor = (hasTrack: boolean) => (hasTrack ? [...richText, ...trackMapScript] : richText);

/** The tenant's map for a form with a track field, as the citizen app configures it. */
async function trackMapOf(req: FastifyRequest): Promise<TrackMapSettings> {
  const settings = await loadTenantSettings(inProcessGraphql(req.server, req), req.tenant.enabledModules.includes('static-content'));
  return trackMapSettings(settings.mapSettings);
}

/**
 * Renders the edit form for a session (or, when the session is gone, with a login inside it so
 * that nothing typed is lost). Read-only callers get the same form, disabled, with the reason.
 */
export async function sendContentForm(req: FastifyRequest, reply: FastifyReply, status: number, db: Kysely<any>, editor: ContentEditor, session: SessionInfo | null, form: FormState, extras: FormExtras = {}) {
  const lang = langOf(req);
  const t = contentTexts(lang);
  const principal = session?.principal ?? null;
  const editable = !principal || canEditRecord(principal, form.providerId);
  const readOnly = editable ? null : principal && principal.role === 'data_provider' ? t.notYours : t.readOnly;
  const chooseProvider = form.recordId === null && principal !== null && mayChooseProvider(principal);
  const hasTrack = editor.fields.some((f) => f.kind === 'track');
  const [categories, providers, library, trackMap] = await Promise.all([categoryNames(db), chooseProvider ? providerList(db) : Promise.resolve(null), libraryImages(db), hasTrack ? trackMapOf(req) : null]);
  const images = imageOptions(library, extras.storedImages ?? currentImages(editor.fields, form.values), t.currentImage);
  const title = form.recordId === null ? `${editor.singular[lang]}: ${t.newItem}` : `${editor.singular[lang]}: ${String(form.values[editor.titleField] ?? '') || `#${form.recordId}`}`;
  const props: ContentFormPageProps = {
    editor,
    recordId: form.recordId,
    csrf: session?.csrf ?? '',
    version: form.version,
    values: form.values,
    editorial: form.editorial,
    errors: extras.errors ?? {},
    problem: extras.problem ?? null,
    notice: extras.notice ?? null,
    readOnly,
    providers,
    providerId: form.providerId,
    categories,
    images,
    trackMap,
    relogin: extras.relogin ? { csrf: formCsrf(req, reply), email: extras.email ?? '' } : null,
    canTrash: !!principal && editable && form.recordId !== null,
    preview: principal && form.recordId !== null && detailPath(editor.recordType, form.recordId) ? contentPreviewPath(editor, form.recordId) : null,
    tree: await treeView(db, editor, principal, form, editable, lang),
  };
  const tiles = trackMap ? tileOrigin(trackMap) : null;
  return sendStudioPage(req, reply, status, title, h(ContentFormPage, props), session?.csrf, scriptsFor(hasTrack), tiles ? [tiles] : []);
}

/**
 * The form's tree part (editors with `tree`): the parents on offer, the current one and the
 * children. Without a session (the login inside the form) only the parent's id is kept.
 */
async function treeView(db: Kysely<any>, editor: ContentEditor, principal: AccountPrincipal | null, form: FormState, editable: boolean, lang: Lang): Promise<TreeView | null> {
  if (!editor.tree) return null;
  const parentId = form.parentId ?? null;
  if (!principal) return { parentId, parent: parentId === null ? null : { id: parentId, title: `#${parentId}` }, choices: [], children: null, canAddChild: false };
  const label = (c: TreeChoice) => `${'— '.repeat(c.level - 1)}${c.title || `#${c.id}`} (${kindLabel(editor, c.kind, lang)})`;
  const [choices, children, forNew] = await Promise.all([
    parentOptions(db, editor, principal, form.recordId),
    form.recordId === null ? null : listChildren(db, editor, form.recordId, ownProviderFilter(principal)),
    form.recordId !== null && editable ? parentOptions(db, editor, principal, null) : [],
  ]);
  const parentTitle = parentId === null ? null : (choices.find((c) => c.id === parentId)?.title ?? (await titleOf(db, editor, parentId)));
  return {
    parentId,
    parent: parentId === null ? null : { id: parentId, title: parentTitle ?? '' },
    choices: choices.map((c) => ({ id: c.id, label: label(c) })),
    children: children && children.map((c) => ({ id: c.id, title: c.title, kind: kindLabel(editor, c.kind, lang), state: stateText(c, lang) })),
    canAddChild: forNew.some((c) => c.id === form.recordId),
  };
}

/** The conflict message: who changed the record meanwhile, and when. */
export const conflictText = (req: FastifyRequest, current: EditorialState, when: string) => fillText(contentTexts(langOf(req)).conflict, { who: current.updatedBy ?? '?', at: when });

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { h } from 'preact';
import type { ContentEditor, EditorValues } from '../../../core/registry/content-editor.ts';
import type { SessionInfo } from '../../../core/auth/sessions.ts';
import { berlinDateTimeLocal } from '../../../lib/berlin-time.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { ContentFormPage, type ContentFormPageProps, type EditorialFields } from '../pages/content/content-form-page.tsx';
import { contentTexts } from '../content/content-texts.ts';
import type { EditorialState } from '../content/editorial-state.ts';
import type { FieldErrors } from '../content/form-values.ts';
import { canEditRecord, mayChooseProvider } from '../content/content-access.ts';
import { formCsrf, langOf, sendStudioPage } from './studio-http.ts';
import { loadStudioScripts } from './studio-assets.ts';
import { currentImages, imageOptions, libraryImages } from '../content/form-images.ts';

/** What a form shows: the values, the publication settings and who owns the record. */
export type FormState = {
  recordId: number | null;
  version: number;
  values: EditorValues;
  editorial: EditorialFields;
  providerId: number | null;
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

/** The rich-text toolbar's script, when built (forms work without it). */
const scripts = (() => {
  const richText = loadStudioScripts()['rich-text'];
  return richText ? [richText] : [];
})();

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
  const [categories, providers, library] = await Promise.all([categoryNames(db), chooseProvider ? providerList(db) : Promise.resolve(null), libraryImages(db)]);
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
    relogin: extras.relogin ? { csrf: formCsrf(req, reply), email: extras.email ?? '' } : null,
    canTrash: !!principal && editable && form.recordId !== null,
  };
  return sendStudioPage(req, reply, status, title, h(ContentFormPage, props), session?.csrf, scripts);
}

/** The conflict message: who changed the record meanwhile, and when. */
export const conflictText = (req: FastifyRequest, current: EditorialState, when: string) => fillText(contentTexts(langOf(req)).conflict, { who: current.updatedBy ?? '?', at: when });

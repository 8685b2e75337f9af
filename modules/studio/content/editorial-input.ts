import { z } from 'zod';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { contentTexts } from './content-texts.ts';
import type { FieldErrors } from './form-values.ts';
import type { EditorialStatus } from './editorial-state.ts';

/** The form's own fields beside the module's: token, version, publication, owner and parent. */
export const ControlSchema = z.object({
  _csrf: z.string().max(100).catch(''),
  _version: z.coerce.number().int().min(0).max(2_000_000_000).catch(0),
  _status: z.enum(['draft', 'published']).catch('draft'),
  _publishAt: z.string().max(40).catch(''),
  _unpublishAt: z.string().max(40).catch(''),
  _provider: z.string().max(12).catch(''),
  /** Editors with a tree: the parent's id, '' for the top level (absent: unchanged). */
  _parent: z.string().max(12).optional().catch(undefined),
  _relogin: z.literal('1').optional().catch(undefined),
  _logincsrf: z.string().max(100).catch(''),
  _email: z.string().trim().max(320).catch(''),
  _password: z.string().max(200).catch(''),
  _code: z.string().max(12).catch(''),
});
export type Controls = z.infer<typeof ControlSchema>;

export type Publication = { status: EditorialStatus; publishAt: Date | null; unpublishAt: Date | null };

/** Reads and checks the publication window; times are Berlin wall-clock as datetime-local sends them. */
export function readPublication(c: Controls, lang: Lang, now = new Date()): { publication: Publication; errors: FieldErrors } {
  const t = contentTexts(lang);
  const errors: FieldErrors = {};
  const time = (name: '_publishAt' | '_unpublishAt', label: string) => {
    const raw = c[name].trim();
    if (!raw) return null;
    const d = parseLenientDateTime(raw);
    if (!d) errors[name] = fillText(t.badDate, { label });
    return d;
  };
  const publishAt = time('_publishAt', t.publishAt);
  const unpublishAt = time('_unpublishAt', t.unpublishAt);
  if (unpublishAt && publishAt && unpublishAt <= publishAt) errors._unpublishAt = t.unpublishBeforePublish;
  else if (unpublishAt && unpublishAt <= now && c._status === 'published') errors._unpublishAt = t.pastUnpublish;
  return { publication: { status: c._status, publishAt, unpublishAt }, errors };
}

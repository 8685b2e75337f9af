import { fillText, formatDate, type Lang } from '../../../web-app/client/i18n.ts';
import { contentTexts } from '../../content/content-texts.ts';
import type { ListRow } from '../../content/content-list.ts';

export const dateTime = (d: Date | null | undefined, lang: Lang) => formatDate(d ?? null, lang, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Entwurf", "Geplant ab 01.12.2026, 08:00" … for a list row; records the studio never saved follow `visible`. */
export function stateText(row: Pick<ListRow, 'visible' | 'state'>, lang: Lang, now = new Date()): string {
  const t = contentTexts(lang);
  const s = row.state;
  if (!s) return row.visible ? t.published : t.draft;
  if (s.deletedAt) return t.trashed;
  if (s.status === 'draft') return t.draft;
  if (s.publishAt && s.publishAt > now) return fillText(t.scheduled, { at: dateTime(s.publishAt, lang) });
  if (s.unpublishAt && s.unpublishAt <= now) return fillText(t.expired, { at: dateTime(s.unpublishAt, lang) });
  return t.published;
}

import { fillText, formatDate, useLang, useTexts, type Lang } from '../../../web-app/client/i18n.ts';
import type { DeliveryCounts } from '../../messages/delivery-log.ts';
import type { StudioMessage, TargetNames } from '../message-store.ts';
import { platformLabels, pushTexts, statusLabels, type ShownStatus } from '../push-texts.ts';

/** Times in Berlin, to the minute. */
export const berlinTime = (d: Date, lang: Lang) => formatDate(d, lang, { dateStyle: 'medium', timeStyle: 'short' });

export function shownStatus(m: Pick<StudioMessage, 'status' | 'due'>): ShownStatus {
  if (m.status === 'queued') return m.due ? 'sending' : 'scheduled';
  return m.status === 'sending' ? 'sending' : (m.status as ShownStatus);
}

/** Deliveries on their way: not yet sent, being sent, or waiting to be tried again. */
export const pendingOf = (c: DeliveryCounts) => c.pending + c.sending + c.retry;

export function countsText(c: DeliveryCounts, lang: Lang): string {
  return fillText(pushTexts(lang).deliveryCounts, { sent: c.sent, failed: c.failed, removed: c.removed, pending: pendingOf(c) });
}

/** Who a message goes to, in a line: audience, devices, and the restrictions of content and scheduled pushes. */
export function targetSummary(m: StudioMessage, names: TargetNames, lang: Lang): string {
  const t = pushTexts(lang);
  const parts = [m.category_ids.length ? fillText(t.inCategories, { names: m.category_ids.map((id) => names.categories.get(id) ?? `#${id}`).join(', ') }) : t.everyone];
  if (m.followers_of_type !== null) parts[0] = fillText(t.followers, { type: m.followers_of_type, id: m.followers_of_id ?? '' });
  if (m.platform !== 'all') parts.push(platformLabels[m.platform as keyof typeof platformLabels][lang]);
  if (m.data_provider_id !== null) parts.push(fillText(t.ofProvider, { name: names.providers.get(m.data_provider_id) ?? `#${m.data_provider_id}` }));
  if (m.mowas_regional_keys.length) parts.push(fillText(t.withRegions, { keys: m.mowas_regional_keys.join(', ') }));
  return parts.join(' · ');
}

export function StatusText({ m }: { m: Pick<StudioMessage, 'status' | 'due'> }) {
  return <>{statusLabels[shownStatus(m)][useLang()]}</>;
}

/** Page links of a long list: plain links, so paging works without script. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useTexts(pushTexts);
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.pagination} class="pager">
      {page > 1 && <a href={href(page - 1)}>{t.previous}</a>}
      <span aria-current="page">{fillText(t.page, { page, pages })}</span>
      {page < pages && <a href={href(page + 1)}>{t.next}</a>}
    </nav>
  );
}

import type { ViewProps } from '../../web-app/client/app-route.ts';
import { fillText, formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { DefectDetailData } from './defects-data.ts';
import { defectsTexts } from './defects-texts.ts';
import { ReportsMap } from './reports-map.tsx';
import { StatusBadge } from './status-badge.tsx';

const dateTime: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' };

/** `/maengelmelder/meldungen/:id`: title, category, status with its public history, photos, place and map. */
export default function DefectDetailView({ data }: ViewProps<DefectDetailData>) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  return (
    <article class="defects defect-detail">
      <p>
        <a href="/maengelmelder">{t.backToOverview}</a>
      </p>
      <h1 tabIndex={-1}>{data.title}</h1>
      <p class="teaser-meta">
        {data.categoryName} · <time dateTime={data.requestedAt}>{fillText(t.reportedOn, { date: formatDate(data.requestedAt, lang) })}</time>
      </p>
      <p>
        {t.status}: <StatusBadge status={data.status} />
      </p>
      {data.description && (
        <section aria-labelledby="defect-description">
          <h2 id="defect-description">{t.description}</h2>
          <p class="defect-description">{data.description}</p>
        </section>
      )}
      {data.photos.length > 0 && (
        <section aria-labelledby="defect-photos">
          <h2 id="defect-photos">{t.photos}</h2>
          <ul class="defect-photos">
            {data.photos.map((url, i) => (
              <li key={url}>
                <img src={url} alt={fillText(t.photoAlt, { n: i + 1, title: data.title })} loading="lazy" decoding="async" />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="defect-place">
        <h2 id="defect-place">{t.address}</h2>
        <p>{data.address || t.noAddress}</p>
        <ReportsMap spec={data.map} reports={[data]} small />
      </section>
      {data.updates.length > 0 && (
        <section aria-labelledby="defect-history">
          <h2 id="defect-history">{t.history}</h2>
          <ol class="defect-history">
            {data.updates.map((u, i) => (
              <li key={i}>
                <time dateTime={u.createdAt}>{formatDate(u.createdAt, lang, dateTime)}</time> <StatusBadge status={u.status} />
                {u.comment && <p>{u.comment}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}

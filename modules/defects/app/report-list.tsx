import { formatDate, useLang, useTexts, fillText } from '../../web-app/client/i18n.ts';
import type { ReportCard } from './defects-data.ts';
import { defectsTexts } from './defects-texts.ts';
import { StatusBadge } from './status-badge.tsx';

/** Reports as cards: title (link), status as text and colour, category, address and date. */
export function ReportList({ reports }: { reports: ReportCard[] }) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  if (!reports.length) return <p class="empty">{t.none}</p>;
  return (
    <ul class="teasers defect-list">
      {reports.map((r) => (
        <li key={r.id} class="teaser">
          {r.photo && <img src={r.photo} alt="" loading="lazy" decoding="async" width={96} height={72} />}
          <div>
            <h3 class="teaser-title">
              <a href={`/maengelmelder/meldungen/${r.id}`}>{r.title}</a>
            </h3>
            <p class="teaser-meta">
              <StatusBadge status={r.status} /> {r.categoryName}
            </p>
            <p class="teaser-text">
              {r.address && <>{r.address} · </>}
              <time dateTime={r.requestedAt}>{fillText(t.reportedOn, { date: formatDate(r.requestedAt, lang) })}</time>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

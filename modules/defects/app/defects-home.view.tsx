import type { ViewProps } from '../../web-app/client/app-route.ts';
import { fillText, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { REPORT_STATUSES } from '../model/statuses.ts';
import type { DefectsHomeData } from './defects-data.ts';
import { defectsTexts } from './defects-texts.ts';
import { ReportList } from './report-list.tsx';
import { ReportsMap } from './reports-map.tsx';
import { statusLabel } from './status-look.ts';

/** `/maengelmelder`: intro, "Mangel melden", "Meine Meldungen", filters (a GET form), the map and the list. */
export default function DefectsHomeView({ data }: ViewProps<DefectsHomeData>) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  const shown = data.reports.length;
  return (
    <div class="defects">
      <h1 tabIndex={-1}>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <p class="defects-actions">
        <a class="button" href="/maengelmelder/melden">
          {t.reportButton}
        </a>
        <a href="/maengelmelder/meine">{t.mine}</a>
      </p>
      <section aria-labelledby="defects-reports">
        <h2 id="defects-reports">{t.reports}</h2>
        <form class="defects-filter" method="get" action="/maengelmelder" aria-label={t.filters}>
          <label>
            {t.status}
            <select name="status">
              <option value="">{t.all}</option>
              <option value="open" selected={data.filter.status === 'open'}>
                {t.open}
              </option>
              <option value="closed" selected={data.filter.status === 'closed'}>
                {t.closed}
              </option>
              {REPORT_STATUSES.map((s) => (
                <option key={s} value={s} selected={data.filter.status === s}>
                  {statusLabel(s, lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.category}
            <select name="kategorie">
              <option value="">{t.all}</option>
              {data.categories.map((c) => (
                <option key={c.code} value={c.code} selected={data.filter.category === c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="button">
            {t.applyFilter}
          </button>
        </form>
        <p class="defects-count" role="status">
          {data.total > shown ? fillText(t.shownOf, { n: shown, total: data.total }) : fillText(shown === 1 ? t.countOne : t.count, { n: shown })}
        </p>
        {shown > 0 && <ReportsMap spec={data.map} reports={data.reports} />}
        <ReportList reports={data.reports} />
      </section>
    </div>
  );
}

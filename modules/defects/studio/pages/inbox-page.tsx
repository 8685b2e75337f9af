import { fillText, formatDate, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { Pager } from '../../../web-app/client/pager.tsx';
import { StudioTable } from '../../../studio/pages/studio-table.tsx';
import { FilterSelect } from '../../../studio/pages/filter-select.tsx';
import type { AreaShape } from '../../area/point-in-area.ts';
import { REPORT_STATUSES, statusLabels } from '../../model/statuses.ts';
import { DEFECTS_PATH, reportPath } from '../defects-studio-kit.ts';
import { defectsTexts } from '../defects-texts.ts';
import { inboxUrl, MODERATION_STATES, PER_PAGE, type InboxQuery, type InboxRow } from '../inbox-query.ts';
import { ReportMap, StatusDot, type MapPoint } from './report-map.tsx';

export type InboxPageProps = {
  query: InboxQuery;
  rows: InboxRow[];
  total: number;
  points: MapPoint[];
  mapMore: boolean;
  area: AreaShape | null;
  categories: { code: string; name: string }[];
  assignee: (id: number | null) => string;
  canConfigure: boolean;
};

/** /studio/maengelmelder: filters, the map of the filtered reports, the list (pages of 25) and the export. */
export function InboxPage({ query, rows, total, points, mapMore, area, categories, assignee, canConfigure }: InboxPageProps) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const exportUrl = inboxUrl(`${DEFECTS_PATH}/export.csv`, { ...query, seite: 1 });
  return (
    <>
      <p>{t.intro}</p>
      {canConfigure && (
        <ul class="toolbar">
          <li>
            <a href={`${DEFECTS_PATH}/kategorien`}>{t.categoriesLink}</a>
          </li>
          <li>
            <a href={`${DEFECTS_PATH}/einstellungen`}>{t.settingsLink}</a>
          </li>
        </ul>
      )}
      <form method="get" action={DEFECTS_PATH} class="filter-form" role="search" aria-label={t.filters}>
        <p>
          <label for="q">{t.search}</label>
          <input id="q" name="q" type="search" value={query.q} />
        </p>
        <FilterSelect
          name="status"
          label={t.status}
          value={query.status}
          options={[['', t.allStatuses], ['open', t.openStatuses], ['closed', t.closedStatuses], ...REPORT_STATUSES.map((s) => [s, statusLabels[s][lang]] as const)]}
        />
        <FilterSelect name="kategorie" label={t.category} value={query.kategorie} options={[['', t.allCategories], ...categories.map((c) => [c.code, c.name] as const)]} />
        <FilterSelect name="freigabe" label={t.moderation} value={query.freigabe} options={[['', t.allModeration], ...MODERATION_STATES.map((m) => [m, t[m]] as const)]} />
        <FilterSelect name="zustaendig" label={t.assigned} value={query.zustaendig} options={[['', t.assignedAnyone], ['ich', t.assignedMe], ['jemand', t.assignedSomeone], ['niemand', t.assignedNobody]]} />
        <p>
          <label for="von">{t.from}</label>
          <input id="von" name="von" type="date" value={query.von} />
        </p>
        <p>
          <label for="bis">{t.to}</label>
          <input id="bis" name="bis" type="date" value={query.bis} />
        </p>
        <p>
          <button type="submit">{t.apply}</button>
        </p>
      </form>
      <p>
        <a href={exportUrl} download>
          {t.exportCsv}
        </a>
      </p>
      <ReportMap points={points} area={area} more={mapMore} />
      {rows.length === 0 ? (
        <p role="status">{t.none}</p>
      ) : (
        <StudioTable caption={<>{fillText(t.count, { n: total })} · {fillText(t.page, { page: query.seite, pages })}</>} columns={[t.report, t.category, t.status, t.moderation, t.address, t.received, t.assigned]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <a href={reportPath(r.id)}>
                  {r.id}: {r.title}
                </a>
              </th>
              <td>{r.categoryName}</td>
              <td>
                <StatusDot status={r.status} /> {statusLabels[r.status][lang]}
              </td>
              <td>{t[r.moderation]}</td>
              <td>{r.address || '–'}</td>
              <td>{formatDate(r.requestedAt, lang, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>{assignee(r.assignedAccountId)}</td>
            </tr>
          ))}
        </StudioTable>
      )}
      <Pager
        label={t.pagination}
        status={fillText(t.page, { page: query.seite, pages })}
        prev={query.seite > 1 ? { href: inboxUrl(DEFECTS_PATH, query, query.seite - 1), label: t.previous } : null}
        next={query.seite < pages ? { href: inboxUrl(DEFECTS_PATH, query, query.seite + 1), label: t.next } : null}
      />
    </>
  );
}

import { formatDate, useLang, useTexts, fillText } from '../../web-app/client/i18n.ts';
import type { AuditRow } from '../../../core/audit/audit-log.ts';
import { auditActionLabels, auditTexts } from './audit-texts.ts';
import { StudioTable } from './studio-table.tsx';

export type AuditPageProps = {
  rows: AuditRow[];
  /** The filter form's values as entered (query parameters wer, aktion, von, bis). */
  filter: { wer: string; aktion: string; von: string; bis: string };
  page: number;
  newerHref: string | null;
  olderHref: string | null;
};

const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');

/** Tenant admins: the audit log with filters and pages; times in Europe/Berlin. */
export function AuditPage({ rows, filter, page, newerHref, olderHref }: AuditPageProps) {
  const t = useTexts(auditTexts);
  const lang = useLang();
  return (
    <>
      <p>{t.intro}</p>
      <form method="get" action="/studio/protokoll" class="inline-form" aria-label={t.filters}>
        <label for="f-who">{t.who}</label>
        <input id="f-who" name="wer" type="text" value={filter.wer} />
        <label for="f-action">{t.action}</label>
        <input id="f-action" name="aktion" type="text" value={filter.aktion} />
        <label for="f-from">{t.from}</label>
        <input id="f-from" name="von" type="date" value={filter.von} />
        <label for="f-to">{t.to}</label>
        <input id="f-to" name="bis" type="date" value={filter.bis} />
        <button type="submit">{t.apply}</button>
        <a href="/studio/protokoll">{t.clear}</a>
      </form>
      {rows.length === 0 ? (
        <p role="status">{t.empty}</p>
      ) : (
        <StudioTable caption={<>{t.caption} · {fillText(t.page, { n: page })}</>} columns={[t.when, t.actor, t.what, t.target, t.where]}>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.at, lang, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
              <td>{r.actor || <span class="muted">{t.anonymous}</span>}</td>
              <td>
                {auditActionLabels[r.action]?.[lang] ?? r.action}
                <br />
                <code class="muted">{r.action}</code>
              </td>
              <td>
                {r.targetType && `${r.targetType} ${r.targetId ?? ''}`}
                {Object.keys(r.detail).length > 0 && <span class="muted audit-detail">{detailText(r.detail)}</span>}
              </td>
              <td>{r.ip}</td>
            </tr>
          ))}
        </StudioTable>
      )}
      {(newerHref || olderHref) && (
        <nav aria-label={t.paging}>
          <ul class="studio-links">
            {newerHref && (
              <li>
                <a href={newerHref}>{t.newer}</a>
              </li>
            )}
            {olderHref && (
              <li>
                <a href={olderHref}>{t.older}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

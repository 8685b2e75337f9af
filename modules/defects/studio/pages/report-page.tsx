import { fillText, formatDate, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { BackLink } from './back-link.tsx';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { REPORT_STATUSES, statusLabels } from '../../model/statuses.ts';
import type { NearbyReport } from '../../reports/nearby-reports.ts';
import { staffLabel, type StaffMember } from '../../team/staff-members.ts';
import { DEFECTS_PATH, reportPath } from '../defects-studio-kit.ts';
import { defectsTexts, type DefectsTexts } from '../defects-texts.ts';
import type { StaffReport } from '../report-detail.ts';
import { StatusDot } from './report-map.tsx';

export type ReportPageProps = {
  report: StaffReport;
  /** The session's token when it may work on reports; null for read-only accounts (no forms). */
  csrf: string | null;
  showContact: boolean;
  staff: StaffMember[];
  nearby: NearbyReport[];
  notice: string | null;
  error: string | null;
};

const sourceLabel = (source: string, t: DefectsTexts) => ({ app: t.sourceApp, open311: t.sourceOpen311, mainserver: t.sourceMainserver })[source] ?? source;

function ActionForm({ id, action, csrf, legend, children }: { id: number; action: string; csrf: string; legend: string; children: preact.ComponentChildren }) {
  return (
    <form method="post" action={reportPath(id)} class="studio-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="aktion" value={action} />
      <fieldset>
        <legend>{legend}</legend>
        {children}
      </fieldset>
    </form>
  );
}

function Contact({ r, show, t }: { r: StaffReport; show: boolean; t: DefectsTexts }) {
  if (!show) return <p class="hint">{t.contactHidden}</p>;
  if (!r.contactName && !r.contactEmail && !r.contactPhone) return <p>{t.contactNone}</p>;
  return (
    <dl>
      <dt>{t.name}</dt>
      <dd>{r.contactName || '–'}</dd>
      <dt>{t.email}</dt>
      <dd>{r.contactEmail ? <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a> : '–'}</dd>
      <dt>{t.phone}</dt>
      <dd>{r.contactPhone || '–'}</dd>
      <dt>{t.notifyByEmail}</dt>
      <dd>{r.notifyByEmail ? t.yes : t.no}</dd>
    </dl>
  );
}

/** /studio/maengelmelder/:id: everything about one report, its history, and the staff's actions. */
export function ReportPage({ report: r, csrf, showContact, staff, nearby, notice, error }: ReportPageProps) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  const when = (d: Date) => formatDate(d, lang, { dateStyle: 'medium', timeStyle: 'short' });
  const nameOf = (id: number | null) => {
    const m = staff.find((x) => x.accountId === id);
    return m ? staffLabel(m) : '';
  };
  return (
    <>
      <FormMessages error={error} notice={notice} />
      <dl class="report-facts">
        <dt>{t.status}</dt>
        <dd>
          <StatusDot status={r.status} /> {statusLabels[r.status][lang]}
          {r.duplicateOf !== null && (
            <>
              {' '}
              ({t.duplicateOf} <a href={reportPath(r.duplicateOf)}>{fillText(t.reportNo, { id: r.duplicateOf })}</a>)
            </>
          )}
        </dd>
        <dt>{t.moderation}</dt>
        <dd>{t[r.moderation]}</dd>
        <dt>{t.category}</dt>
        <dd>{r.categoryName}</dd>
        <dt>{t.received}</dt>
        <dd>{when(r.requestedAt)}</dd>
        <dt>{t.place}</dt>
        <dd>{r.address || '–'}</dd>
        <dt>{t.coordinates}</dt>
        <dd>
          {r.lat.toFixed(6)}, {r.lng.toFixed(6)}
        </dd>
        <dt>{t.assigned}</dt>
        <dd>{nameOf(r.assignedAccountId) || t.nobody}</dd>
        <dt>{t.source}</dt>
        <dd>{sourceLabel(r.source, t)}</dd>
        <dt>{t.publicFlag}</dt>
        <dd>{r.public ? t.yes : t.no}</dd>
      </dl>
      <h2>{t.description}</h2>
      <p class="report-description">{r.description || '–'}</p>
      <h2>{t.contact}</h2>
      <Contact r={r} show={showContact} t={t} />
      <h2>{t.photos}</h2>
      {r.photos.length === 0 ? (
        <p>{t.noPhotos}</p>
      ) : (
        <ul class="report-photos">
          {r.photos.map((p, i) => (
            <li key={p.url}>
              <a href={p.url}>
                <img src={p.url} alt={fillText(t.photo, { n: i + 1 })} width={Math.min(320, p.width)} height={Math.round((Math.min(320, p.width) * p.height) / Math.max(1, p.width))} />
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2>{t.history}</h2>
      <ol class="report-history">
        {r.history.map((u, i) => (
          <li key={i}>
            <strong>{statusLabels[u.status][lang]}</strong> · {when(u.createdAt)}
            {nameOf(u.authorAccountId) && ` · ${nameOf(u.authorAccountId)}`}
            {!u.public && <span class="badge">{t.internal}</span>}
            {u.comment && <p>{u.comment}</p>}
          </li>
        ))}
      </ol>
      {csrf && (
        <>
          <ActionForm id={r.id} action="status" csrf={csrf} legend={t.changeStatus}>
            <p>
              <label for="status">{t.newStatus}</label>
              <select id="status" name="status">
                {REPORT_STATUSES.filter((s) => s !== 'duplicate').map((s) => (
                  <option key={s} value={s} selected={s === r.status}>
                    {statusLabels[s][lang]}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="kommentar">{t.comment}</label>
              <span class="hint" id="kommentar-hint">
                {t.commentHint}
              </span>
              <textarea id="kommentar" name="kommentar" rows={4} maxLength={2000} aria-describedby="kommentar-hint" />
            </p>
            <p class="field-checkbox">
              <input id="intern" name="intern" type="checkbox" value="ja" /> <label for="intern">{t.internalNote}</label>
            </p>
            <p>
              <button type="submit">{t.statusSave}</button>
            </p>
          </ActionForm>
          <ActionForm id={r.id} action="freigabe" csrf={csrf} legend={t.moderate}>
            <p>
              <button type="submit" name="entscheidung" value="approved">
                {t.approve}
              </button>{' '}
              <button type="submit" name="entscheidung" value="rejected">
                {t.reject}
              </button>
            </p>
          </ActionForm>
          <ActionForm id={r.id} action="zuweisung" csrf={csrf} legend={t.assign}>
            <p>
              <label for="konto">{t.assignTo}</label>
              <select id="konto" name="konto">
                <option value="">{t.assignNobody}</option>
                {staff.map((m) => (
                  <option key={m.accountId} value={String(m.accountId)} selected={m.accountId === r.assignedAccountId}>
                    {staffLabel(m)}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <button type="submit">{t.assignSave}</button>
            </p>
          </ActionForm>
          <ActionForm id={r.id} action="duplikat" csrf={csrf} legend={t.merge}>
            {nearby.length === 0 ? (
              <p>{t.mergeNone}</p>
            ) : (
              <fieldset class="plain">
                <legend>{t.mergeHint}</legend>
                {nearby.map((n) => (
                  <p key={n.id} class="field-checkbox">
                    <input type="radio" id={`original-${n.id}`} name="original" value={String(n.id)} />{' '}
                    <label for={`original-${n.id}`}>
                      {fillText(t.reportNo, { id: n.id })}: {n.title} ({statusLabels[n.status as keyof typeof statusLabels][lang]}, {fillText(t.distance, { m: n.distance })})
                    </label>
                  </p>
                ))}
              </fieldset>
            )}
            <p>
              <label for="nummer">{t.mergeOther}</label>
              <input id="nummer" name="nummer" type="text" inputMode="numeric" pattern="[0-9]*" class="short" />
            </p>
            <p>
              <button type="submit">{t.mergeSave}</button>
            </p>
          </ActionForm>
        </>
      )}
      <BackLink href={DEFECTS_PATH} label={t.back} />
    </>
  );
}

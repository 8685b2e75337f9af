import { useState } from 'preact/hooks';
import type { ViewProps } from '../../web-app/client/app-route.ts';
import { fillText, formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { defectsTexts } from './defects-texts.ts';
import { myReports, putQueued, queuedReports, removeQueued, type MyReport, type QueuedReport } from './device-store.ts';
import { useQueueSync } from './queue-hooks.ts';
import { flushQueue } from './send-queue.ts';
import { WAITING_FLAG } from './resume-sending.ts';
import { StatusBadge } from './status-badge.tsx';
import { lastStatusCheck, refreshStatuses } from './my-reports-status.ts';

const dateTime: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' };

/**
 * `/maengelmelder/meine`: the reports filed on this device (from IndexedDB) with their status,
 * and those still waiting to be sent or refused by the server. The server renders only the frame.
 */
export default function DefectsMineView(_: ViewProps<null>) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  const [state, setState] = useState<{ mine: MyReport[]; queued: QueuedReport[]; failed: boolean } | null>(null);
  const load = async () => {
    const failed = !(await refreshStatuses());
    const [mine, queued] = await Promise.all([myReports(), queuedReports()]);
    setState({ mine: mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt)), queued, failed });
  };
  useQueueSync(() => void load().catch(() => undefined));

  const retry = async (entry: QueuedReport) => {
    await putQueued({ ...entry, state: 'waiting', error: null });
    localStorage.setItem(WAITING_FLAG, '1');
    await flushQueue().catch(() => undefined);
    await load();
  };
  const discard = async (entry: QueuedReport) => {
    await removeQueued(entry.key);
    await load();
  };

  return (
    <div class="defects">
      <h1 tabIndex={-1}>{t.mine}</h1>
      <p class="lead">{t.mineIntro}</p>
      <p class="defects-actions">
        <a class="button" href="/maengelmelder/melden">
          {t.reportButton}
        </a>
        <a href="/maengelmelder">{t.backToOverview}</a>
      </p>
      {!state ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          {state.queued.length > 0 && (
            <ul class="teasers defect-list" aria-label={t.waiting}>
              {state.queued.map((q) => (
                <li key={q.key} class={`teaser queued is-${q.state}`} data-key={q.key}>
                  <div>
                    <h2 class="teaser-title">{q.report.title || q.report.description.split('\n')[0]}</h2>
                    <p class="teaser-meta">
                      <span class={`status-badge ${q.state === 'error' ? 'status-rejected' : 'status-waiting'}`}>{q.state === 'error' ? t.error : t.waiting}</span> {q.categoryName} ·{' '}
                      <time dateTime={q.createdAt}>{formatDate(q.createdAt, lang, dateTime)}</time>
                    </p>
                    {q.error && <p class="field-error">{q.error}</p>}
                    {q.state === 'error' && (
                      <p class="wizard-buttons">
                        <button type="button" class="button-secondary" onClick={() => void retry(q)}>
                          {t.retry}
                        </button>
                        <button type="button" class="button-secondary" onClick={() => void discard(q)}>
                          {t.discard}
                        </button>
                      </p>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {state.mine.length === 0 && state.queued.length === 0 && <p class="empty">{t.mineNone}</p>}
          {state.mine.length > 0 && (
            <ul class="teasers defect-list">
              {state.mine.map((r) => (
                <li key={r.id} class="teaser" data-id={r.id}>
                  <div>
                    <h2 class="teaser-title">{r.public ? <a href={`/maengelmelder/meldungen/${r.id}`}>{r.title}</a> : r.title}</h2>
                    <p class="teaser-meta">
                      <StatusBadge status={r.status} /> {r.categoryName} · Nr. {r.id} · <time dateTime={r.createdAt}>{formatDate(r.createdAt, lang, dateTime)}</time>
                      {!r.public ? ` · ${t.notPublic}` : r.moderation === 'pending' && r.status === 'received' ? ` · ${t.pending}` : ''}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {state.failed && <p role="status">{t.statusFailed}</p>}
          {lastStatusCheck() > 0 && <p class="choice-hint">{fillText(t.checkedAt, { time: formatDate(new Date(lastStatusCheck()), lang, dateTime) })}</p>}
        </>
      )}
    </div>
  );
}

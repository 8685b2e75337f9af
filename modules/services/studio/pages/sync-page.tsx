import { fillText, formatDate, useLang, useTexts, type Lang } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { StudioTable } from '../../../studio/pages/studio-table.tsx';
import { SERVICES_PATH } from '../services-studio-kit.ts';
import { servicesTexts } from '../services-texts.ts';
import type { RunCounts, SourceStatus, SyncRun } from '../sync-history.ts';
import { berlinTime, relativeTime, sourceName } from './services-parts.tsx';

export type SyncPageProps = {
  runs: SyncRun[];
  statuses: SourceStatus[];
  now: Date;
  /** ZuFi is switched on and has what a sync needs. */
  ready: boolean;
  circuitOpenUntil: Date | null;
  /** The session's token when it may start a sync (admins, editors); else null. */
  csrf: string | null;
  notice: string | null;
  error: string | null;
};

type Texts = ReturnType<typeof servicesTexts>;

/** "3 min 5 s": how long a run took. */
function duration(run: SyncRun, t: Texts): string {
  if (!run.finishedAt) return '–';
  const s = Math.round((run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
  if (s < 1) return t.underASecond;
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** "Leistungen: 3 neu, 1 geändert …; Behörden: …" from a run's counts (kinds and numbers it does not know by their keys). */
function countsText(counts: RunCounts, t: Texts): string {
  const kinds: Record<string, string> = { services: t.countServices, categories: t.countCategories, authorities: t.countAuthorities, links: t.countLinks };
  const numbers: Record<string, string> = { added: t.countAdded, changed: t.countChanged, removed: t.countRemoved, unchanged: t.countUnchanged };
  const parts = Object.entries(counts).map(([kind, values]) => `${kinds[kind] ?? kind}: ${Object.entries(values).map(([k, n]) => `${n} ${numbers[k] ?? k}`).join(', ')}`);
  return parts.length ? parts.join('; ') : '–';
}

const when = (d: Date | null, now: Date, lang: Lang, t: Texts) => (d ? fillText(t.at, { time: berlinTime(d, lang), ago: relativeTime(d, now, lang) }) : t.never);

/** The sync page: each source's state, "sync now", and the latest runs with their logs. */
export function SyncPage({ runs, statuses, now, ready, circuitOpenUntil, csrf, notice, error }: SyncPageProps) {
  const t = useTexts(servicesTexts);
  const lang = useLang();
  const triggers: Record<string, string> = { schedule: t.triggerSchedule, studio: t.triggerStudio, upload: t.triggerUpload, seed: t.triggerSeed };
  const states: Record<SyncRun['status'], string> = { running: t.runRunning, succeeded: t.runSucceeded, failed: t.runFailed };
  return (
    <>
      <FormMessages error={error} notice={notice} />
      <p>{t.syncIntro}</p>
      <h2>{t.statusTitle}</h2>
      {statuses.length === 0 ? (
        <p>{t.noStatus}</p>
      ) : (
        statuses.map((s) => (
          <section key={s.source} aria-labelledby={`status-${s.source}`}>
            <h3 id={`status-${s.source}`}>{sourceName(s.source, t)}</h3>
            <dl>
              <dt>{t.lastSuccess}</dt>
              <dd>{when(s.lastSuccessAt, now, lang, t)}</dd>
              <dt>{t.lastAttempt}</dt>
              <dd>{when(s.lastAttemptAt, now, lang, t)}</dd>
              {s.lastError && (
                <>
                  <dt>{t.lastError}</dt>
                  <dd>{s.lastError}</dd>
                </>
              )}
            </dl>
          </section>
        ))
      )}
      {circuitOpenUntil && <p class="form-notice">{fillText(t.circuitOpen, { time: berlinTime(circuitOpenUntil, lang) })}</p>}
      {csrf && (
        <form method="post" action={`${SERVICES_PATH}/abgleich`}>
          <input type="hidden" name="_csrf" value={csrf} />
          {!ready && <p class="hint">{t.notConfiguredHint}</p>}
          <button type="submit">{t.syncNow}</button>
        </form>
      )}
      <h2>{t.runsTitle}</h2>
      {runs.length === 0 ? (
        <p>{t.noRuns}</p>
      ) : (
        <StudioTable caption={t.runsCaption} columns={[t.started, t.source, t.trigger, t.runStatus, t.duration, t.result]}>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{berlinTime(r.startedAt, lang)}</td>
              <td>{sourceName(r.source, t)}</td>
              <td>{triggers[r.trigger] ?? r.trigger}</td>
              <td>{states[r.status]}</td>
              <td>{duration(r, t)}</td>
              <td>
                {countsText(r.counts, t)}
                {r.error && (
                  <p class="field-error">
                    {t.runError}: {r.error}
                  </p>
                )}
                {r.log.length > 0 && (
                  <details>
                    <summary>{fillText(t.logSummary, { n: r.log.length })}</summary>
                    <ol>
                      {r.log.map((l, i) => (
                        <li key={i}>
                          <time dateTime={l.at}>{Number.isNaN(Date.parse(l.at)) ? l.at : formatDate(l.at, lang, { timeStyle: 'medium' })}</time> {l.message}
                        </li>
                      ))}
                    </ol>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </StudioTable>
      )}
      <p>
        <a href={SERVICES_PATH}>{t.back}</a>
      </p>
    </>
  );
}

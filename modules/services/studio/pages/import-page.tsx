import { fillText, formatDate, useLang, useTexts, type Lang } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { StudioTable } from '../../../studio/pages/studio-table.tsx';
import { WARNING_PREFIX, type FileSourceSummary, type ImportRun } from '../../import/import-run.ts';
import { importTexts } from '../import-texts.ts';

export const IMPORT_PATH = '/studio/verwaltungsleistungen/import';

export type ImportPageProps = {
  csrf: string;
  maxMb: number;
  summary: FileSourceSummary;
  /** The run whose result is shown (after an upload). */
  run: ImportRun | null;
  /** A refused upload (unreadable file, expired form …). */
  error: string | null;
};

const when = (d: Date, lang: Lang) => formatDate(d, lang, { dateStyle: 'medium', timeStyle: 'short' });

/** The upload form for export files, the result of the last upload and what the tenant has from files. Works without script. */
export function ImportPage({ csrf, maxMb, summary, run, error }: ImportPageProps) {
  const t = useTexts(importTexts);
  const lang = useLang();
  const failure = error ?? (run?.status === 'failed' ? run.error : null);
  const invalid = failure !== null;
  return (
    <>
      <p>{t.intro}</p>
      <p id="import-formats">{t.formats}</p>
      <FormMessages error={failure} summary={t.failed} notice={run?.status === 'succeeded' ? t.succeeded : null} />
      {run && <RunResult run={run} />}
      <form method="post" action={IMPORT_PATH} enctype="multipart/form-data" class="studio-form">
        {/* First, so the server can check it before reading the file. */}
        <input type="hidden" name="_csrf" value={csrf} />
        <p class="field">
          <label for="import-file">{t.fileLabel}</label>
          <span class="hint" id="import-hint">
            {fillText(t.fileHint, { max: maxMb })}
          </span>
          <input
            id="import-file"
            name="datei"
            type="file"
            required
            accept=".xml,.json,application/xml,text/xml,application/json"
            aria-describedby={invalid ? 'import-hint import-formats form-error' : 'import-hint import-formats'}
            aria-invalid={invalid ? 'true' : undefined}
          />
        </p>
        <p>
          <button type="submit">{t.submit}</button>
        </p>
      </form>
      <h2>{t.currentTitle}</h2>
      <p>{fillText(t.current, { services: summary.services, authorities: summary.authorities })}</p>
      <p>{summary.lastSuccessAt ? fillText(t.lastSuccess, { time: when(summary.lastSuccessAt, lang) }) : t.never}</p>
      {summary.lastError && summary.lastAttemptAt && <p>{fillText(t.lastError, { time: when(summary.lastAttemptAt, lang), error: summary.lastError })}</p>}
    </>
  );
}

function RunResult({ run }: { run: ImportRun }) {
  const t = useTexts(importTexts);
  const lang = useLang();
  const warnings = run.log.filter((l) => l.message.startsWith(WARNING_PREFIX)).map((l) => l.message.slice(WARNING_PREFIX.length));
  const rows = [
    [t.services, run.counts.services],
    [t.categories, run.counts.categories],
    [t.authorities, run.counts.authorities],
  ] as const;
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{fillText(t.resultTitle, { time: when(run.startedAt, lang) })}</h2>
      {run.status === 'succeeded' && (
        <StudioTable caption={t.countsCaption} columns={[t.kind, t.added, t.changed, t.removed, t.unchanged]}>
          {rows.map(([label, c]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{c?.added ?? 0}</td>
              <td>{c?.changed ?? 0}</td>
              <td>{c?.removed ?? 0}</td>
              <td>{c?.unchanged ?? 0}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t.links}</th>
            <td>{run.counts.links?.added ?? 0}</td>
            <td>–</td>
            <td>{run.counts.links?.removed ?? 0}</td>
            <td>–</td>
          </tr>
        </StudioTable>
      )}
      {warnings.length > 0 && (
        <>
          <h3>{fillText(t.warningsTitle, { n: warnings.length })}</h3>
          <ul class="import-warnings">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t.log}</summary>
        <ol>
          {run.log.map((l, i) => (
            <li key={i}>{l.message}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}

import { fillText, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { FormMessages } from '../../../studio/pages/form-messages.tsx';
import { StudioTable } from '../../../studio/pages/studio-table.tsx';
import type { FailedDelivery, StudioMessage, TargetNames } from '../message-store.ts';
import { pushTexts, sourceLabels } from '../push-texts.ts';
import { berlinTime, Pager, pendingOf, StatusText, targetSummary } from './message-parts.tsx';

export type MessagePageProps = {
  message: StudioMessage;
  names: TargetNames;
  log: FailedDelivery[];
  page: number;
  pages: number;
  /** The session's token when it may cancel (admins, editors); else null. */
  cancelCsrf: string | null;
  error: string | null;
  notice: string | null;
};

/** One message: what, to whom, when, its counts per state and the deliveries that did not arrive. */
export function MessagePage({ message: m, names, log, page, pages, cancelCsrf, error, notice }: MessagePageProps) {
  const t = useTexts(pushTexts);
  const lang = useLang();
  return (
    <>
      <FormMessages error={error} notice={notice} />
      <dl>
        <dt>{t.text}</dt>
        <dd>{m.body || '–'}</dd>
        <dt>{t.opens}</dt>
        {/* Only a path of this host is a link: "//host" (or "/\host") would lead elsewhere. */}
        <dd>{m.url && /^\/(?![/\\])/.test(m.url) ? <a href={m.url}>{m.url}</a> : m.url || t.home}</dd>
        <dt>{t.target}</dt>
        <dd>{targetSummary(m, names, lang)}</dd>
        <dt>{t.when}</dt>
        <dd>{berlinTime(m.send_at, lang)}</dd>
        <dt>{t.status}</dt>
        <dd>
          <StatusText m={m} />
        </dd>
        <dt>{t.source}</dt>
        <dd>
          {sourceLabels[m.source][lang]}
          {m.created_by && ` · ${t.createdBy} ${m.created_by}`}
        </dd>
        <dt>{t.createdAt}</dt>
        <dd>{berlinTime(m.created_at, lang)}</dd>
      </dl>
      {cancelCsrf && m.status === 'queued' && (
        <form method="post" action={`/studio/push/${m.id}/abbrechen`}>
          <input type="hidden" name="_csrf" value={cancelCsrf} />
          <button type="submit" class="danger">
            {t.cancel}
          </button>
        </form>
      )}
      <StudioTable caption={t.countsCaption} columns={[t.sent, t.failed, t.removed, t.pending]}>
        <tr>
          <td>{m.counts.sent}</td>
          <td>{m.counts.failed}</td>
          <td>{m.counts.removed}</td>
          <td>{pendingOf(m.counts)}</td>
        </tr>
      </StudioTable>
      <p class="hint">{t.removedHint}</p>
      <h2>{t.logTitle}</h2>
      {log.length === 0 ? (
        <p>{t.logEmpty}</p>
      ) : (
        <StudioTable caption={<>{t.logCaption} · {fillText(t.page, { page, pages })}</>} columns={[t.when, t.channel, t.recipient, t.status, t.error, t.attempts]}>
          {log.map((d) => (
            <tr key={d.id}>
              <td>{berlinTime(d.updatedAt, lang)}</td>
              <td>{d.channel === 'expo' ? t.channelExpo : t.channelWeb}</td>
              <td>
                <code>{d.recipient}</code>
              </td>
              <td>{d.status === 'failed' ? t.failed : t.removed}</td>
              <td>{d.error ?? '–'}</td>
              <td>{d.attempts}</td>
            </tr>
          ))}
        </StudioTable>
      )}
      <Pager page={page} pages={pages} href={(n) => `/studio/push/${m.id}?seite=${n}`} />
      <p>
        <a href="/studio/push">{t.back}</a>
      </p>
    </>
  );
}

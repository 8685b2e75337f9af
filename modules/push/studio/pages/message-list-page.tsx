import { fillText, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import { StudioTable } from '../../../studio/pages/studio-table.tsx';
import type { StudioMessage, TargetNames } from '../message-store.ts';
import { pushTexts, sourceLabels } from '../push-texts.ts';
import { berlinTime, countsText, Pager, StatusText, targetSummary } from './message-parts.tsx';

export type MessageListPageProps = { rows: StudioMessage[]; names: TargetNames; page: number; pages: number; canSend: boolean };

/** /studio/push: every message of the municipality with its delivery counts. */
export function MessageListPage({ rows, names, page, pages, canSend }: MessageListPageProps) {
  const t = useTexts(pushTexts);
  const lang = useLang();
  return (
    <>
      <p>{t.intro}</p>
      {canSend && (
        <p>
          <a class="button" href="/studio/push/neu">
            {t.create}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p role="status">{t.empty}</p>
      ) : (
        <StudioTable caption={<>{t.caption} · {fillText(t.page, { page, pages })}</>} columns={[t.messageTitle, t.when, t.source, t.target, t.status, t.deliveries]}>
          {rows.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <a href={`/studio/push/${m.id}`}>{m.title}</a>
              </th>
              <td>{berlinTime(m.send_at, lang)}</td>
              <td>{sourceLabels[m.source][lang]}</td>
              <td>{targetSummary(m, names, lang)}</td>
              <td>
                <StatusText m={m} />
              </td>
              <td>{countsText(m.counts, lang)}</td>
            </tr>
          ))}
        </StudioTable>
      )}
      <Pager page={page} pages={pages} href={(n) => `/studio/push?seite=${n}`} />
    </>
  );
}

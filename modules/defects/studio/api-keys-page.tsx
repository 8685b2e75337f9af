import { fillText, formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { FormMessages } from '../../studio/pages/form-messages.tsx';
import { StudioTable } from '../../studio/pages/studio-table.tsx';
import { RevokeCell, ShownOnce } from '../../studio/pages/credential-parts.tsx';
import type { ApiKeyRow } from '../open311/api-keys.ts';
import { apiKeysTexts } from './api-keys-texts.ts';

export const API_KEYS_PATH = '/studio/open311-schluessel';

export type ApiKeysPageProps = {
  csrf: string;
  keys: ApiKeyRow[];
  /** The Open311 base URL of this municipality, for the intro. */
  endpoint: string;
  /** Right after creating one: the key, shown this once. */
  created: { name: string; key: string } | null;
  error: string | null;
  notice: string | null;
};

const dateTime = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** Admins: the Open311 client apps' keys — list, create (key shown once), revoke. */
export function ApiKeysPage({ csrf, keys, endpoint, created, error, notice }: ApiKeysPageProps) {
  const t = useTexts(apiKeysTexts);
  const lang = useLang();
  return (
    <>
      <p>{fillText(t.intro, { url: endpoint })}</p>
      <FormMessages error={error} notice={notice} />
      {created && <ShownOnce notice={fillText(t.createdNotice, { name: created.name })} values={[[t.key, created.key]]} />}
      {keys.length === 0 ? (
        <p role="status">{t.empty}</p>
      ) : (
        <StudioTable caption={t.caption} columns={[t.name, t.created, t.lastUsed, t.status]}>
          {keys.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>{formatDate(k.createdAt, lang, dateTime)}</td>
              <td>{k.lastUsedAt ? formatDate(k.lastUsedAt, lang, dateTime) : t.never}</td>
              <td>
                <RevokeCell
                  revokedText={k.revokedAt ? fillText(t.revokedOn, { date: formatDate(k.revokedAt, lang, dateTime) }) : null}
                  action={API_KEYS_PATH}
                  csrf={csrf}
                  fields={{ aktion: 'widerrufen', schluessel: String(k.id) }}
                  active={t.active}
                  revoke={t.revoke}
                  name={k.name}
                />
              </td>
            </tr>
          ))}
        </StudioTable>
      )}
      <h2>{t.create}</h2>
      <form method="post" action={API_KEYS_PATH} class="studio-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="aktion" value="anlegen" />
        <p>
          <label for="key-name">{t.name}</label>
          <input id="key-name" name="name" type="text" required maxLength={200} autocomplete="off" aria-describedby="key-name-hint" />
          <span id="key-name-hint" class="hint">
            {t.nameHint}
          </span>
        </p>
        <p>
          <button type="submit">{t.createButton}</button>
        </p>
      </form>
    </>
  );
}

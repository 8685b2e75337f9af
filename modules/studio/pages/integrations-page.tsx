import { formatDate, useLang, useTexts, fillText } from '../../web-app/client/i18n.ts';
import { INTEGRATION_ROLES, type Integration, type IntegrationRole } from '../../../core/auth/integrations.ts';
import { roleLabels } from './studio-texts.ts';
import { integrationsTexts } from './integrations-texts.ts';
import { FormMessages } from './form-messages.tsx';
import { StudioTable } from './studio-table.tsx';
import { RevokeCell, ShownOnce } from './credential-parts.tsx';

export type IntegrationsPageProps = {
  csrf: string;
  integrations: Integration[];
  providers: { id: number; name: string }[];
  /** Right after creating one: its credentials, shown this once. */
  created: { name: string; clientId: string; clientSecret: string } | null;
  error: string | null;
  notice: string | null;
};

const dateTime = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** Tenant admins: the API clients of the municipality, creating one (secret shown once) and revoking. */
export function IntegrationsPage({ csrf, integrations, providers, created, error, notice }: IntegrationsPageProps) {
  const t = useTexts(integrationsTexts);
  const lang = useLang();
  const providerName = (id: number | null) => providers.find((p) => p.id === id)?.name ?? '';
  return (
    <>
      <p>{t.intro}</p>
      <FormMessages error={error} notice={notice} />
      {created && (
        <ShownOnce
          notice={fillText(t.createdNotice, { name: created.name })}
          values={[
            [t.clientId, created.clientId],
            [t.secret, created.clientSecret],
          ]}
        />
      )}
      <StudioTable caption={t.caption} columns={[t.name, t.role, t.lastToken, t.status]}>
        {integrations.map((i) => (
          <tr key={i.id}>
            <th scope="row">
              {i.name}
              <br />
              <span class="muted">
                {t.clientId}: <code>{i.clientId}</code>
                <br />
                {t.created}: {formatDate(i.createdAt, lang, dateTime)}
              </span>
            </th>
            <td>
              {i.role ? roleLabels[i.role][lang] : t.noRole}
              {i.dataProviderId !== null && (
                <>
                  <br />
                  <span class="muted">{providerName(i.dataProviderId)}</span>
                </>
              )}
            </td>
            <td>{i.lastTokenAt ? formatDate(i.lastTokenAt, lang, dateTime) : t.never}</td>
            <td>
              <RevokeCell
                revokedText={i.revokedAt ? fillText(t.revokedOn, { date: formatDate(i.revokedAt, lang, dateTime) }) : null}
                action="/studio/integrationen"
                csrf={csrf}
                fields={{ aktion: 'widerrufen', anwendung: String(i.id) }}
                active={t.active}
                revoke={t.revoke}
                name={i.name}
              />
            </td>
          </tr>
        ))}
      </StudioTable>
      <h2>{t.create}</h2>
      <form method="post" action="/studio/integrationen" class="studio-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="aktion" value="anlegen" />
        <p>
          <label for="new-name">{t.name}</label>
          <input id="new-name" name="name" type="text" required maxLength={100} autocomplete="off" />
        </p>
        <p>
          <label for="new-role">{t.role}</label>
          <select id="new-role" name="rolle">
            {INTEGRATION_ROLES.map((r) => (
              <option key={r} value={r} selected={r === ('data_provider' satisfies IntegrationRole)}>
                {roleLabels[r][lang]}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="new-provider">{t.dataProvider}</label>
          <select id="new-provider" name="anbieter">
            <option value="">{t.noDataProvider}</option>
            {providers.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">{t.createButton}</button>
        </p>
      </form>
    </>
  );
}

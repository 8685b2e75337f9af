import { useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { Member, StaffRole } from '../../../core/auth/account-directory.ts';
import { STAFF_ROLES } from '../../../core/auth/account-directory.ts';
import { studioTexts, roleLabels } from './studio-texts.ts';
import { FormMessages } from './form-messages.tsx';
import { StudioTable } from './studio-table.tsx';

export type AccountsPageProps = {
  csrf: string;
  members: Member[];
  selfId: number;
  providers: { id: number; name: string }[];
  error: string | null;
  notice: string | null;
};

/** Tenant admins: who has which role, changing and removing roles, inviting new accounts. */
export function AccountsPage({ csrf, members, selfId, providers, error, notice }: AccountsPageProps) {
  const t = useTexts(studioTexts);
  const lang = useLang();
  const roleOptions = (selected: string) =>
    STAFF_ROLES.map((r) => (
      <option key={r} value={r} selected={r === selected}>
        {roleLabels[r][lang]}
      </option>
    ));
  const providerOptions = (selected: number | null) => [
    <option key="none" value="">
      {t.noDataProvider}
    </option>,
    ...providers.map((p) => (
      <option key={p.id} value={String(p.id)} selected={p.id === selected}>
        {p.name}
      </option>
    )),
  ];
  return (
    <>
      <FormMessages error={error} notice={notice} />
      <StudioTable caption={t.accounts} columns={[t.name, t.role, t.actions]}>
        {members.map((m) => {
          const id = `m${m.accountId}`;
          return (
            <tr key={m.accountId}>
              <th scope="row">
                {m.name || m.email} {m.accountId === selfId && t.you}
                <br />
                <span class="muted">{m.email}</span>
                {!m.hasPassword && <span class="badge">{t.passwordPending}</span>}
              </th>
              <td>{roleLabels[m.role][lang]}</td>
              <td>
                {m.accountId !== selfId && (
                  <>
                    <form method="post" action="/studio/konten" class="inline-form">
                      <input type="hidden" name="_csrf" value={csrf} />
                      <input type="hidden" name="aktion" value="aendern" />
                      <input type="hidden" name="konto" value={String(m.accountId)} />
                      <label for={`${id}-role`}>{t.role}</label>
                      <select id={`${id}-role`} name="rolle">
                        {roleOptions(m.role)}
                      </select>
                      <label for={`${id}-provider`}>{t.dataProvider}</label>
                      <select id={`${id}-provider`} name="anbieter">
                        {providerOptions(m.dataProviderId)}
                      </select>
                      <button type="submit">
                        {t.change}
                        <span class="visually-hidden">: {m.name || m.email}</span>
                      </button>
                    </form>
                    <form method="post" action="/studio/konten" class="inline-form">
                      <input type="hidden" name="_csrf" value={csrf} />
                      <input type="hidden" name="aktion" value="entfernen" />
                      <input type="hidden" name="konto" value={String(m.accountId)} />
                      <button type="submit" class="danger">
                        {t.remove}
                        <span class="visually-hidden">: {m.name || m.email}</span>
                      </button>
                    </form>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </StudioTable>
      <h2>{t.invite}</h2>
      <form method="post" action="/studio/konten" class="studio-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="aktion" value="einladen" />
        <p>
          <label for="invite-email">{t.email}</label>
          <input id="invite-email" name="email" type="email" required autocomplete="off" />
        </p>
        <p>
          <label for="invite-name">{t.name}</label>
          <input id="invite-name" name="name" type="text" autocomplete="off" />
        </p>
        <p>
          <label for="invite-role">{t.role}</label>
          <select id="invite-role" name="rolle">
            {roleOptions('editor' satisfies StaffRole)}
          </select>
        </p>
        <p>
          <label for="invite-provider">{t.dataProvider}</label>
          <select id="invite-provider" name="anbieter">
            {providerOptions(null)}
          </select>
        </p>
        <p>
          <button type="submit">{t.inviteButton}</button>
        </p>
      </form>
    </>
  );
}

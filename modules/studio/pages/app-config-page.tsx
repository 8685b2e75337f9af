import { formatDate, useLang, useTexts } from '../../web-app/client/i18n.ts';
import { appConfigTexts } from './app-config-texts.ts';
import { FormMessages } from './form-messages.tsx';
import { StudioTable } from './studio-table.tsx';

export type ConfigFileSummary = { id: number; name: string; version: string | null; updatedAt: Date };

export type AppConfigPageProps = {
  csrf: string;
  files: ConfigFileSummary[];
  canEdit: boolean;
  isAdmin: boolean;
  error: string | null;
  notice: string | null;
};

const dateTime = { dateStyle: 'medium', timeStyle: 'short' } as const;

/** /studio/einstellungen: the tenant's configuration files with their versions, links to the look and the modules. */
export function AppConfigPage({ csrf, files, canEdit, isAdmin, error, notice }: AppConfigPageProps) {
  const t = useTexts(appConfigTexts);
  const lang = useLang();
  const names = [...new Set(files.map((f) => f.name))];
  return (
    <>
      <p>{t.intro}</p>
      <FormMessages error={error} notice={notice} />
      {!canEdit && <p class="form-notice">{t.readOnly}</p>}
      <ul class="studio-links">
        <li>
          <a href="/studio/einstellungen/erscheinungsbild">{t.theme}</a>
        </li>
        {isAdmin && (
          <li>
            <a href="/studio/einstellungen/module">{t.modules}</a>
          </li>
        )}
      </ul>
      <h2>{t.files}</h2>
      <StudioTable caption={t.filesCaption} columns={[t.file, t.version, t.updated]}>
        {files.map((f) => (
          <tr key={f.id}>
            <th scope="row">
              <a href={`/studio/einstellungen/datei/${f.id}`}>
                {f.name}
                <span class="visually-hidden">
                  {' '}
                  {f.version ?? t.noVersion}: {canEdit ? t.edit : t.view}
                </span>
              </a>
            </th>
            <td>{f.version ?? t.noVersion}</td>
            <td>{formatDate(f.updatedAt, lang, dateTime)}</td>
          </tr>
        ))}
      </StudioTable>
      {canEdit && names.length > 0 && (
        <>
          <h2>{t.newVersion}</h2>
          <p>{t.newVersionHint}</p>
          <form method="post" action="/studio/einstellungen/version" class="studio-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <p>
              <label for="version-file">{t.fileName}</label>
              <select id="version-file" name="datei">
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="version-number">{t.appVersion}</label>
              <input id="version-number" name="version" type="text" required maxLength={20} pattern="\d+(\.\d+){0,3}" autocomplete="off" />
            </p>
            <p>
              <button type="submit">{t.newVersionButton}</button>
            </p>
          </form>
        </>
      )}
    </>
  );
}

import { useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { LocalizedText } from '../../../core/registry/manifest.ts';
import { appConfigTexts } from './app-config-texts.ts';
import { FormMessages } from './form-messages.tsx';

export type ModuleRow = { name: string; title: LocalizedText; dependsOn: string[]; enabled: boolean; locked: boolean };

/** Tenant admins: every registered module with a checkbox; dependencies and the studio itself are shown as such. */
export function ModulesPage({ csrf, modules, error, notice }: { csrf: string; modules: ModuleRow[]; error: string | null; notice: string | null }) {
  const t = useTexts(appConfigTexts);
  const lang = useLang();
  const titleOf = (name: string) => modules.find((m) => m.name === name)?.title[lang] ?? name;
  return (
    <>
      <p>
        <a href="/studio/einstellungen">{t.back}</a>
      </p>
      <p>{t.modulesIntro}</p>
      <FormMessages error={error} notice={notice} />
      <form method="post" action="/studio/einstellungen/module" class="studio-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>{t.modulesCaption}</legend>
          {modules.map((m) => (
            <p class="field-checkbox" key={m.name}>
              <input type="checkbox" id={`modul-${m.name}`} name="modul" value={m.name} checked={m.enabled} disabled={m.locked} aria-describedby={`modul-${m.name}-info`} />
              <label for={`modul-${m.name}`}>{m.title[lang]}</label>
              <span class="muted" id={`modul-${m.name}-info`}>
                ({m.name}
                {m.dependsOn.length > 0 && `; ${t.needs}: ${m.dependsOn.map(titleOf).join(', ')}`}
                {m.locked && `; ${t.studioAlwaysOn}`})
              </span>
            </p>
          ))}
        </fieldset>
        <p>
          <button type="submit">{t.save}</button>
        </p>
      </form>
    </>
  );
}

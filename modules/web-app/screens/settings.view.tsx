import { useState } from 'preact/hooks';
import type { ViewProps } from '../client/app-route.ts';
import { useTexts } from '../client/i18n.ts';
import { usePrefs } from '../client/prefs-context.ts';
import { prefOptions, type Prefs } from '../client/prefs.ts';
import type { SettingsData } from './settings.load.ts';
import { settingsTexts } from './settings-texts.ts';
import { PushSection } from './push-section.tsx';

const groups = Object.keys(prefOptions) as (keyof Prefs)[];

/**
 * Display settings as radio groups. With JavaScript a choice applies at once (cookie and <html>
 * attributes via setPrefs); without it the form posts to the server, which sets the cookie and
 * redirects back here (server/settings-route.ts).
 */
export default function SettingsView({ data }: ViewProps<SettingsData>) {
  const t = useTexts(settingsTexts) as ReturnType<typeof settingsTexts> & Record<string, string>;
  const { prefs, setPrefs } = usePrefs();
  const [saved, setSaved] = useState(data.saved);
  const choose = (key: keyof Prefs, value: string) => {
    setPrefs({ ...prefs, [key]: value });
    setSaved(true);
  };
  return (
    <section class="page settings-page">
      <h1 tabIndex={-1}>{t.title}</h1>
      <p>{t.intro}</p>
      <p role="status" class="settings-status">
        {saved ? t.saved : ''}
      </p>
      <form
        method="post"
        action="/einstellungen"
        class="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(true);
        }}
      >
        {groups.map((key) => (
          <fieldset key={key} class="settings-group">
            <legend>{t[key]}</legend>
            {prefOptions[key].map((value) => (
              <label key={value} class="choice">
                <input type="radio" name={key} value={value} checked={prefs[key] === value} onChange={() => choose(key, value)} />
                <span lang={key === 'lang' ? value : undefined}>{t[`${key}_${value}`]}</span>
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit" class="button">
          {t.save}
        </button>
      </form>
      {data.push && <PushSection topics={data.push.topics} />}
    </section>
  );
}

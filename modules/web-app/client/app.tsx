import type { FunctionComponent } from 'preact';
import type { AppConfig } from './app-config.ts';
import { ConfigContext } from './app-config.ts';
import type { PagePayload, ViewProps } from './app-route.ts';
import { LangContext } from './i18n.ts';
import type { Prefs } from './prefs.ts';
import { PrefsContext } from './prefs-context.ts';
import { Shell } from './shell.tsx';
import { NotFound } from './not-found.tsx';

export type AppProps = {
  config: AppConfig;
  prefs: Prefs;
  setPrefs: (p: Prefs) => void;
  page: PagePayload;
  path: string;
  View: FunctionComponent<ViewProps<any>> | null;
  offline: boolean;
};

/** The whole page, rendered to HTML on the server and hydrated in the browser from the same props. */
export function App({ config, prefs, setPrefs, page, path, View, offline }: AppProps) {
  return (
    <ConfigContext.Provider value={config}>
      <LangContext.Provider value={prefs.lang}>
        <PrefsContext.Provider value={{ prefs, setPrefs }}>
          <Shell path={path} offline={offline}>
            {page.status === 404 || !View ? <NotFound /> : <View data={page.data} params={page.params} search={page.search} />}
          </Shell>
        </PrefsContext.Provider>
      </LangContext.Provider>
    </ConfigContext.Provider>
  );
}

/** What the server inlines into the first HTML (element #dp-boot). */
export type Boot = { config: AppConfig; page: PagePayload };

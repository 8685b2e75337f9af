import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** A link the server resolved from one of the tenant's route descriptors. */
export type NavLink = { label: string; href: string; icon: string; external: boolean; description?: string };

/** The tenant's configuration as the web app needs it, built by the server from the same static JSON files the native app reads. */
export type AppConfig = {
  tenantName: string;
  /** The tenant's logo (theme.logoUrl, chosen in the studio), shown in the header. */
  logoUrl: string | null;
  slug: string;
  navigation: 'tab' | 'drawer';
  nav: NavLink[];
  footer: NavLink[];
  searchEnabled: boolean;
  modules: string[];
};

export const ConfigContext = createContext<AppConfig>(null as unknown as AppConfig);

export function useConfig(): AppConfig {
  return useContext(ConfigContext);
}

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Prefs } from './prefs.ts';

export type PrefsState = { prefs: Prefs; setPrefs: (next: Prefs) => void };

export const PrefsContext = createContext<PrefsState>({ prefs: null as unknown as Prefs, setPrefs: () => {} });

export function usePrefs(): PrefsState {
  return useContext(PrefsContext);
}

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'de' | 'en';

/** German is the users' language; every table must have the same keys in English. */
export function defineTexts<T extends Record<string, string>>(table: { de: T; en: { [K in keyof T]: string } }): (lang: Lang) => T {
  return (lang) => (lang === 'en' ? (table.en as T) : table.de);
}

export const LangContext = createContext<Lang>('de');

export function useTexts<T>(table: (lang: Lang) => T): T {
  return table(useContext(LangContext));
}

export function useLang(): Lang {
  return useContext(LangContext);
}

const locales: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** Dates always in Europe/Berlin, whatever the device's or server's zone. */
export function formatDate(value: string | Date | null | undefined, lang: Lang, options: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' }): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return typeof value === 'string' ? value : '';
  return new Intl.DateTimeFormat(locales[lang], { timeZone: 'Europe/Berlin', ...options }).format(d);
}

/** Fills "{name}" placeholders of a text ("{n} Treffer" with { n: 3 }). */
export function fillText(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

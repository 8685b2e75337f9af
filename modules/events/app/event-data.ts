import type { Teaser } from '../../web-app/client/teaser-list.tsx';
import type { Figure } from '../../web-app/client/media-figure.tsx';

/** What the events loaders hand to the events views (plain JSON, inlined into the page). */
export type EventFilters = { kategorie?: string; von?: string; bis?: string; tag?: string };

export type EventListData = {
  filters: EventFilters;
  /** Why a filter was dropped (a malformed date …); the list is then shown without it. */
  error: string | null;
  /** What the list shows, e.g. "Termine am Samstag, 5. Dezember 2026". */
  summary: string | null;
  categories: { id: string; name: string; count: number }[];
  /** Entries grouped by the day they are listed under. */
  days: { day: string; label: string; items: Teaser[] }[];
  page: number;
  prevHref: string | null;
  nextHref: string | null;
};

export type CalendarDay = { day: string; number: number; count: number; today: boolean };

export type CalendarData = {
  month: string;
  caption: string;
  error: string | null;
  /** Weeks from Monday; null pads the days of other months. */
  weeks: (CalendarDay | null)[][];
  prev: { href: string; label: string };
  next: { href: string; label: string };
};

export type EventDate = { start: string; label: string; time: string | null };

export type Party = { name: string | null; address: string[]; phone: string | null; fax: string | null; email: string | null; links: Link[] };
export type Link = { url: string; label: string };

export type EventDetailData = {
  id: string;
  title: string;
  categories: { id: string; name: string }[];
  figures: Figure[];
  /** Sanitised HTML or plain-text paragraphs. */
  description: { html: string } | { paragraphs: string[] } | null;
  dates: EventDate[];
  prices: { name: string; amount: string | null; details: string[] }[];
  place: { name: string | null; address: string[]; routeHref: string | null } | null;
  organizer: Party | null;
  contacts: Party[];
  links: Link[];
  accessibility: { description: string | null; types: string | null; links: Link[] } | null;
  provider: { name: string; logo: string | null } | null;
};

export const EVENTS_PAGE_SIZE = 15;

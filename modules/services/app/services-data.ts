import type { Teaser } from '../../web-app/client/teaser-list.tsx';
import type { AddressInfo, LinkInfo } from '../../places/app/detail-parts.tsx';
import type { PagerInfo } from '../../places/app/pager.tsx';
import type { MapSpec } from '../../places/app/map-spec.ts';
import type { ServiceSection } from '../model/catalog.ts';

/** What the "Rathaus / Bürgerservice" loaders hand to their views (mapped on the server). */

/** How current the directory's copy is; null when there is nothing to say (never synced, not failing). */
export type StatusData = { lastSuccessAt: string | null; stale: boolean } | null;

export type LifeSituationTile = { id: string; name: string; description: string | null; servicesCount: number };

export type ServicesHomeData = { top: Teaser[]; lifeSituations: LifeSituationTile[]; servicesCount: number; status: StatusData };

export type ServicesSearchData = {
  query: string;
  state: 'empty' | 'too-short' | 'too-long' | 'none' | 'results';
  total: number;
  items: Teaser[];
  pager: PagerInfo;
  status: StatusData;
};

export type LifeSituationData = {
  id: string;
  name: string;
  description: string | null;
  parent: { id: string; name: string } | null;
  children: LifeSituationTile[];
  services: Teaser[];
  total: number;
  pager: PagerInfo;
};

/** One opening span as the API gives it: weekday 1 = Monday … 7 = Sunday, times HH:MM in Berlin. */
export type OpeningSpan = { weekday: number; opens: string; closes: string; note: string | null };

/** A phone number, e-mail address or web address of an authority, ready to link. */
export type ContactLine = { kind: 'phone' | 'mobile' | 'fax' | 'email' | 'web'; text: string; href: string | null; label: string | null };

export type AuthorityInfo = {
  id: string;
  name: string;
  descriptionHtml: string | null;
  addresses: AddressInfo[];
  openingHours: OpeningSpan[];
  openingHoursNote: string | null;
  contacts: ContactLine[];
  paymentMethods: string[];
};

export type OnlineServiceInfo = { name: string; url: string; trustLevel: 'low' | 'substantial' | 'high' | null; description: string | null };

export type ServiceDetailData = {
  id: string;
  name: string;
  synonyms: string[];
  summary: string | null;
  sections: { key: ServiceSection; html: string }[];
  onlineServices: OnlineServiceInfo[];
  forms: LinkInfo[];
  lifeSituations: { id: string; name: string }[];
  authorities: AuthorityInfo[];
  /** The responsible authorities' visitor addresses on a map; null when none has coordinates. */
  map: MapSpec | null;
  status: StatusData;
  /** schema.org GovernmentService as JSON text, safe to put inside a script element. */
  jsonLd: string;
};

export type AuthorityData = AuthorityInfo & { map: MapSpec | null; services: Teaser[]; moreServices: boolean };

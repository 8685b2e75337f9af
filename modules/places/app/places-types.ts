import type { Teaser } from '../../web-app/client/teaser-list.tsx';
import type { MapSpec } from './map-spec.ts';
import type { PagerInfo } from './pager.tsx';
import type { AccessibilityInfo, AddressInfo, CompanyInfo, ContactInfo, HoursRow, ImageInfo, LinkInfo, PriceRow } from './detail-parts.tsx';

/** The data each places screen gets from its loader (see *.load.ts). */
export type CategoryNode = { id: string; name: string; places: number; tours: number; children: CategoryNode[] };

export type CategoriesData = { places: number; tours: number; tree: CategoryNode[] };

export type ListKind = 'poi' | 'tour';

export type ListData = {
  kind: ListKind;
  title: string;
  total: number;
  /** The same list as list and as map (`ansicht=karte`), for the switch. */
  listHref: string;
  mapHref: string;
  items: Teaser[];
  pager: PagerInfo;
  /** Only in the map view. */
  map: MapSpec | null;
  /** The map shows fewer markers than the list has entries. */
  mapLimit: number | null;
};

type AttractionData = {
  id: string;
  name: string;
  categories: { name: string; href: string }[];
  summary: string | null;
  descriptionHtml: string | null;
  images: ImageInfo[];
  addresses: AddressInfo[];
  contact: ContactInfo | null;
  operator: CompanyInfo | null;
  links: LinkInfo[];
  source: string | null;
  map: MapSpec | null;
};

export type PlaceData = AttractionData & {
  hours: HoursRow[];
  openNow: boolean | null;
  prices: PriceRow[];
  accessibility: AccessibilityInfo | null;
  certificates: string[];
};

export type TourStopData = { id: string; number: number; name: string; summary: string | null; descriptionHtml: string | null; images: ImageInfo[]; addresses: AddressInfo[]; contact: ContactInfo | null; links: LinkInfo[] };

export type TourData = AttractionData & { lengthKm: number | null; transport: string | null; stops: TourStopData[]; hasTrack: boolean };

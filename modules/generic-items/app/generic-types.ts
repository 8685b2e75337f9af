import type { Teaser } from '../../web-app/client/teaser-list.tsx';
import type { PagerInfo } from '../../places/app/pager.tsx';
import type { AccessibilityInfo, AddressInfo, CompanyInfo, ContactInfo, HoursRow, ImageInfo, LinkInfo, PriceRow } from '../../places/app/detail-parts.tsx';

/** The data the generic-items screens get from their loaders. */
export type GenericListData = { title: string; total: number; items: Teaser[]; pager: PagerInfo };

export type ContentBlockData = { title: string | null; introHtml: string | null; bodyHtml: string | null; images: ImageInfo[] };

export type GenericItemData = {
  id: string;
  title: string;
  list: { name: string; href: string };
  categories: string[];
  teaser: string | null;
  descriptionHtml: string | null;
  images: ImageInfo[];
  blocks: ContentBlockData[];
  datesTitle: string;
  dates: string[];
  /** Construction sites: the payload fields the apps show. */
  construction: { cause: string | null; direction: string | null; restrictions: string[] } | null;
  locations: string[];
  addresses: AddressInfo[];
  hours: HoursRow[];
  prices: PriceRow[];
  companies: CompanyInfo[];
  contacts: ContactInfo[];
  links: LinkInfo[];
  accessibility: AccessibilityInfo[];
  place: LinkInfo | null;
  children: LinkInfo[];
  published: string | null;
  author: string | null;
  source: string | null;
};

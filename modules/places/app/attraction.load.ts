import type { LoaderContext } from '../../web-app/server/loader.ts';
import { ADDRESS, COMPANY, CONTACT, MEDIA, WEB_URL, GEO, addresses, company, contact, images, links, richHtml } from './detail-parts.load.ts';
import { listHref } from './list-links.ts';
import type { ListKind, PlaceData } from './places-types.ts';

/** What places and tours have in common (the mainserver's "attraction"), selected and mapped once for both. */
export const ATTRACTION = `id name description mobileDescription
  categories { id name }
  addresses { ${ADDRESS} }
  location { name ${GEO} }
  contact { ${CONTACT} }
  webUrls { ${WEB_URL} }
  mediaContents { ${MEDIA} }
  operatingCompany { ${COMPANY} }
  dataProvider { name }`;

type Common = Omit<PlaceData, 'hours' | 'openNow' | 'prices' | 'accessibility' | 'certificates' | 'map'>;

export function attraction(r: any, ctx: LoaderContext, kind: ListKind): Common {
  const name = String(r.name ?? '');
  return {
    id: String(r.id),
    name,
    categories: (r.categories ?? []).map((c: any) => ({ name: String(c.name ?? ''), href: listHref(kind, String(c.id)) })),
    summary: typeof r.mobileDescription === 'string' && r.mobileDescription.trim() ? r.mobileDescription.trim() : null,
    descriptionHtml: richHtml(r.description),
    images: images(r.mediaContents),
    addresses: addresses(r.addresses, ctx, name),
    contact: contact(r.contact),
    operator: company(r.operatingCompany, ctx),
    links: links(r.webUrls),
    source: typeof r.dataProvider?.name === 'string' ? r.dataProvider.name : null,
  };
}

/** Record ids are positive integers; anything else cannot be a record (404 without asking the API). */
export const isId = (id: string | undefined): id is string => !!id && /^\d{1,10}$/.test(id);

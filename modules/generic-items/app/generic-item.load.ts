import type { Loader } from '../../web-app/server/loader.ts';
import { isId } from '../../places/app/attraction.load.ts';
import { ACCESSIBILITY, ADDRESS, COMPANY, CONTACT, MEDIA, OPENING_HOURS, PRICE, WEB_URL, accessibility, addresses, company, contacts, images, links, openingHours, prices, richHtml } from '../../places/app/detail-parts.load.ts';
import { DATE, datesText } from './generic-dates.load.ts';
import { genericTexts, typeName } from './generic-texts.ts';
import type { GenericItemData } from './generic-types.ts';

const query = `query GenericItem($id: ID!) {
  genericItem(id: $id) {
    id title genericType teaser description author publishedAt payload
    categories { name }
    contentBlocks { title intro body mediaContents { ${MEDIA} } }
    mediaContents { ${MEDIA} }
    dates { ${DATE} }
    locations { name }
    addresses { ${ADDRESS} }
    openingHours { ${OPENING_HOURS} }
    priceInformations { ${PRICE} }
    companies { ${COMPANY} }
    contacts { ${CONTACT} }
    webUrls { ${WEB_URL} }
    accessibilityInformations { ${ACCESSIBILITY} }
    pointOfInterest { id name }
    genericItems { id title }
    dataProvider { name }
  }
}`;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const present = <T,>(v: T | null): v is T => v !== null;

/** Construction sites carry cause, direction and restrictions in their payload (as the apps read them). */
function construction(payload: any): GenericItemData['construction'] {
  if (!payload || typeof payload !== 'object') return null;
  const restrictions = (Array.isArray(payload.restrictions) ? payload.restrictions : []).map((r: any) => text(typeof r === 'string' ? r : r?.description)).filter(present);
  const info = { cause: text(payload.cause), direction: text(payload.direction), restrictions };
  return info.cause || info.direction || restrictions.length ? info : null;
}

/** `/eintrag/:id`: one generic item (offer, job, construction site, deadline …) with all its parts. */
export const genericItemLoader: Loader = async (ctx) => {
  if (!isId(ctx.params.id)) return null;
  const { genericItem: g } = await ctx.gql(query, { id: ctx.params.id });
  if (!g) return null;
  const t = genericTexts(ctx.lang);
  const type = text(g.genericType) ?? '';
  const title = text(g.title) ?? typeName(type, ctx.lang).name;
  const data: GenericItemData = {
    id: String(g.id),
    title,
    list: { name: typeName(type, ctx.lang).name, href: `/eintraege/${encodeURIComponent(type)}` },
    categories: (g.categories ?? []).map((c: any) => text(c?.name)).filter(present),
    teaser: text(g.teaser),
    descriptionHtml: richHtml(g.description),
    images: images(g.mediaContents),
    blocks: (g.contentBlocks ?? [])
      .map((b: any) => ({ title: text(b?.title), introHtml: richHtml(b?.intro), bodyHtml: richHtml(b?.body), images: images(b?.mediaContents) }))
      .filter((b: any) => b.title || b.introHtml || b.bodyHtml || b.images.length),
    datesTitle: /^deadline$/i.test(type) ? t.deadline : /^constructionsite$/i.test(type) ? t.period : t.dates,
    dates: datesText(g.dates, ctx.lang),
    construction: /^constructionsite$/i.test(type) ? construction(g.payload) : null,
    locations: (g.locations ?? []).map((l: any) => text(l?.name)).filter(present),
    addresses: addresses(g.addresses, ctx, title),
    hours: openingHours(g.openingHours, ctx.lang),
    prices: prices(g.priceInformations, ctx.lang),
    companies: (g.companies ?? []).map((c: any) => company(c, ctx)).filter(present),
    contacts: contacts(g.contacts),
    links: links(g.webUrls),
    accessibility: (g.accessibilityInformations ?? []).map(accessibility).filter(present),
    place: g.pointOfInterest ? { href: `/orte/${g.pointOfInterest.id}`, label: text(g.pointOfInterest.name) ?? t.place } : null,
    children: (g.genericItems ?? []).map((c: any) => ({ href: `/eintrag/${c.id}`, label: text(c.title) ?? t.entry })),
    published: text(g.publishedAt),
    author: text(g.author),
    source: text(g.dataProvider?.name),
  };
  return { title, data };
};

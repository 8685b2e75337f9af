import { sanitizeRichText } from '../../../lib/sanitize.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import type { TenantSettings } from '../../web-app/server/tenant-settings.ts';
import type { LoaderContext } from '../../web-app/server/loader.ts';
import { firstPoint } from './map-spec.load.ts';
import { placesTexts, fill } from './places-texts.ts';
import type { AccessibilityInfo, AddressInfo, CompanyInfo, ContactInfo, HoursRow, ImageInfo, LinkInfo, PriceRow } from './detail-parts.tsx';

/**
 * GraphQL selections of the parts places, tours and generic items share, and their mapping into
 * what the detail views render. Runs on the server only: texts and numbers are formatted here so
 * the server and the browser render the same characters.
 */
export const GEO = `geoLocation { latitude longitude }`;
export const ADDRESS = `street zip city addition kind ${GEO}`;
export const WEB_URL = `url description`;
export const CONTACT = `firstName lastName phone fax email webUrls { ${WEB_URL} }`;
export const MEDIA = `contentType captionText copyright sourceUrl { url }`;
export const OPENING_HOURS = `weekday dateFrom dateTo timeFrom timeTo useYear open description sortNumber`;
export const PRICE = `name category amount description ageFrom ageTo groupPrice minAdultCount maxAdultCount minChildrenCount maxChildrenCount`;
export const COMPANY = `name address { ${ADDRESS} } contact { ${CONTACT} }`;
export const ACCESSIBILITY = `description types urls { ${WEB_URL} }`;

type Raw = Record<string, any>;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter((x): x is Raw => !!x && typeof x === 'object') : []);

/**
 * Stored HTML prepared for the page: sanitised (generic items' descriptions are stored as sent) and
 * its headings moved below the section heading they appear under, so the page keeps one h1 and
 * an unbroken heading order.
 */
export function richHtml(html: unknown): string | null {
  const clean = text(html) ? sanitizeRichText(html as string).trim() : '';
  if (!clean) return null;
  const levels = [...clean.matchAll(/<h([1-6])\b/gi)].map((m) => Number(m[1]));
  const shift = levels.length ? Math.max(0, 3 - Math.min(...levels)) : 0;
  return shift ? clean.replace(/<(\/?)h([1-6])\b/gi, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}`) : clean;
}

export function images(media: unknown): ImageInfo[] {
  return list(media)
    .filter((m) => text(m.sourceUrl?.url) && (!m.contentType || /^image/i.test(m.contentType)))
    .map((m) => ({ url: m.sourceUrl.url, alt: text(m.captionText) ?? '', copyright: text(m.copyright) }));
}

export function links(urls: unknown): LinkInfo[] {
  return list(urls)
    .filter((u) => typeof u.url === 'string' && /^https?:\/\/[^\s]+$/i.test(u.url.trim()))
    .map((u) => ({ href: u.url.trim(), label: text(u.description) ?? u.url.trim().replace(/^https?:\/\//i, '') }));
}

/** Digitransit-style route planner (bbnavi) when the tenant configured one, else OpenStreetMap's directions. */
export function routeHref(settings: TenantSettings, point: [number, number] | null, label: string): string | null {
  const configured = settings.globalSettings.settings?.bbnavi;
  const base = typeof configured === 'string' ? configured : typeof configured?.url === 'string' ? configured.url : null;
  if (base && /^https:\/\/[^\s]+$/.test(base) && point) return `${base.replace(/\/+$/, '')}/-/${encodeURIComponent(`${label}::${point[0]},${point[1]}`)}`;
  if (point) return `https://www.openstreetmap.org/directions?route=${encodeURIComponent(`;${point[0]},${point[1]}`)}`;
  return label ? `https://www.openstreetmap.org/directions?to=${encodeURIComponent(label)}` : null;
}

export function address(a: Raw | null | undefined, ctx: LoaderContext, name: string): AddressInfo | null {
  if (!a) return null;
  const t = placesTexts(ctx.lang);
  const street = text(a.street);
  const city = [text(a.zip), text(a.city)].filter(Boolean).join(' ') || null;
  const lines = [text(a.addition), street, city].filter((l): l is string => !!l);
  const point = firstPoint(a.geoLocation);
  if (!lines.length && !point) return null;
  const label = [name, street, city].filter(Boolean).join(', ');
  // Tours mark their start and end addresses by kind; "default" is every other address.
  const kind = a.kind === 'start' ? t.start : a.kind === 'end' ? t.end : a.kind === 'default' ? null : text(a.kind);
  return { lines, kind, routeHref: routeHref(ctx.settings, point, label) };
}

export function addresses(raw: unknown, ctx: LoaderContext, name: string): AddressInfo[] {
  return list(raw)
    .map((a) => address(a, ctx, name))
    .filter((a): a is AddressInfo => a !== null);
}

export function contact(c: Raw | null | undefined): ContactInfo | null {
  if (!c) return null;
  const name = [text(c.firstName), text(c.lastName)].filter(Boolean).join(' ') || null;
  const phone = text(c.phone);
  const email = text(c.email);
  const info: ContactInfo = {
    name,
    phone: phone ? { href: `tel:${phone.replace(/[^\d+]/g, '')}`, label: phone } : null,
    fax: text(c.fax),
    email: email && /^[^\s@<>]+@[^\s@<>]+$/.test(email) ? email : null,
    links: links(c.webUrls),
  };
  return info.name || info.phone || info.fax || info.email || info.links.length ? info : null;
}

export function contacts(raw: unknown): ContactInfo[] {
  return list(raw)
    .map(contact)
    .filter((c): c is ContactInfo => c !== null);
}

export function company(c: Raw | null | undefined, ctx: LoaderContext): CompanyInfo | null {
  if (!c) return null;
  const name = text(c.name);
  const info = { name, address: address(c.address, ctx, name ?? ''), contact: contact(c.contact) };
  return info.name || info.address || info.contact ? info : null;
}

export function accessibility(a: Raw | null | undefined): AccessibilityInfo | null {
  if (!a) return null;
  const info = { description: text(a.description), types: text(a.types), links: links(a.urls) };
  return info.description || info.types || info.links.length ? info : null;
}

const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);

function dayLabel(date: string, withYear: boolean, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { timeZone: 'UTC', day: '2-digit', month: '2-digit', ...(withYear ? { year: 'numeric' } : {}) }).format(new Date(`${date}T00:00:00Z`));
}

const hhmm = (t: unknown) => (typeof t === 'string' && /^\d{1,2}:\d{2}/.test(t) ? t.slice(0, t.indexOf(':') + 3) : null);

export function openingHours(raw: unknown, lang: Lang): HoursRow[] {
  return list(raw)
    .sort((a, b) => (a.sortNumber ?? 0) - (b.sortNumber ?? 0))
    .map((h) => {
      const withYear = h.useYear !== false;
      const from = isDate(h.dateFrom) ? dayLabel(h.dateFrom, withYear, lang) : null;
      const to = isDate(h.dateTo) ? dayLabel(h.dateTo, withYear, lang) : null;
      const days = text(h.weekday);
      const period = from && to && from !== to ? `${from}–${to}` : (from ?? to);
      // Without weekdays ("24.12."), the dates are the days.
      return { days: days ?? period ?? '', from: hhmm(h.timeFrom), to: hhmm(h.timeTo), open: h.open !== false, period: days ? period : null, note: text(h.description) };
    })
    .filter((r) => r.days || r.from || r.note);
}

export function prices(raw: unknown, lang: Lang): PriceRow[] {
  const t = placesTexts(lang);
  const money = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { style: 'currency', currency: 'EUR' });
  return list(raw)
    .map((p) => {
      const details: string[] = [];
      if (typeof p.ageFrom === 'number' && typeof p.ageTo === 'number') details.push(fill(t.ageRange, { from: p.ageFrom, to: p.ageTo }));
      else if (typeof p.ageTo === 'number') details.push(fill(t.ageUpTo, { n: p.ageTo }));
      else if (typeof p.ageFrom === 'number') details.push(fill(t.ageFrom, { n: p.ageFrom }));
      if (p.groupPrice) {
        const adults = range(p.minAdultCount, p.maxAdultCount, t);
        const children = range(p.minChildrenCount, p.maxChildrenCount, t);
        details.push([t.groupPrice, [adults && `${adults} ${t.adults}`, children && `${children} ${t.children}`].filter(Boolean).join(', ')].filter(Boolean).join(': '));
      }
      if (text(p.description)) details.push(text(p.description)!);
      const amount = typeof p.amount === 'number' ? (p.amount === 0 ? t.free : money.format(p.amount)) : null;
      return { name: [text(p.name), text(p.category)].filter(Boolean).join(' · '), amount, details };
    })
    .filter((p) => p.name || p.amount || p.details.length);
}

function range(min: unknown, max: unknown, t: ReturnType<typeof placesTexts>): string | null {
  const a = typeof min === 'number' && min > 0 ? min : null;
  const b = typeof max === 'number' && max > 0 ? max : null;
  if (a && b) return a === b ? String(a) : `${a}–${b}`;
  return b ? fill(t.upTo, { n: b }) : a ? fill(t.atLeast, { n: a }) : null;
}

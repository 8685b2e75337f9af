import type { Teaser } from '../../web-app/client/teaser-list.tsx';
import type { LoaderContext } from '../../web-app/server/loader.ts';
import type { AddressInfo } from '../../places/app/detail-parts.tsx';
import { richHtml, routeHref } from '../../places/app/detail-parts.load.ts';
import { firstPoint, mapSpec } from '../../places/app/map-spec.load.ts';
import type { MapSpec } from '../../places/app/map-spec.ts';
import type { AuthorityInfo, ContactLine, LifeSituationTile, OpeningSpan, StatusData } from './services-data.ts';
import { servicesTexts } from './services-texts.ts';

/**
 * GraphQL selections the "Rathaus" screens share and their mapping into what the views render.
 * Runs on the server only. Nothing here depends on the clock: "open now" and the age of the copy
 * are worked out in the browser (see open-now-badge.tsx, services-status.tsx).
 */
export const SERVICE_TEASER = `id name summary`;
export const STATUS = `administrativeServicesStatus { lastSuccessAt stale }`;
export const LIFE_SITUATION_TILE = `id name description servicesCount`;
export const AUTHORITY = `id name description
  addresses { kind street houseNumber postalCode city latitude longitude }
  openingHours { weekday opens closes note }
  openingHoursNote
  contacts { kind value label }
  paymentMethods`;

type Raw = Record<string, any>;
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter((x): x is Raw => !!x && typeof x === 'object') : []);

export const serviceHref = (id: string) => `/rathaus/leistungen/${encodeURIComponent(id)}`;
export const lifeSituationHref = (id: string) => `/rathaus/lebenslagen/${encodeURIComponent(id)}`;
export const authorityHref = (id: string) => `/rathaus/behoerden/${encodeURIComponent(id)}`;

export function serviceTeaser(s: Raw): Teaser {
  return { href: serviceHref(String(s.id)), title: String(s.name ?? ''), text: text(s.summary) };
}

export function lifeSituationTile(c: Raw): LifeSituationTile {
  return { id: String(c.id), name: String(c.name ?? ''), description: text(c.description), servicesCount: Number(c.servicesCount) || 0 };
}

export function status(raw: Raw | null | undefined): StatusData {
  const lastSuccessAt = text(raw?.lastSuccessAt);
  const stale = raw?.stale === true;
  return lastSuccessAt || stale ? { lastSuccessAt, stale } : null;
}

/** Visitor addresses first: they are where citizens go (and what the map and route link show). */
const KIND_ORDER: Record<string, number> = { visitor: 0, postal: 1, delivery: 2 };

function addressOf(a: Raw, ctx: LoaderContext, name: string): AddressInfo | null {
  const t = servicesTexts(ctx.lang);
  const street = [text(a.street), text(a.houseNumber)].filter(Boolean).join(' ') || null;
  const city = [text(a.postalCode), text(a.city)].filter(Boolean).join(' ') || null;
  const lines = [street, city].filter((l): l is string => !!l);
  if (!lines.length) return null;
  const visitor = a.kind !== 'postal' && a.kind !== 'delivery';
  const point = firstPoint(a);
  return {
    lines,
    kind: a.kind === 'postal' ? t.postalAddress : a.kind === 'delivery' ? t.deliveryAddress : null,
    routeHref: visitor ? routeHref(ctx.settings, point, [name, street, city].filter(Boolean).join(', ')) : null,
  };
}

const CONTACT_KINDS = ['phone', 'mobile', 'fax', 'email', 'web'] as const;

function contactOf(c: Raw): ContactLine | null {
  const value = text(c.value);
  const kind = CONTACT_KINDS.find((k) => k === c.kind);
  if (!value || !kind) return null;
  const label = text(c.label);
  if (kind === 'phone' || kind === 'mobile') {
    const digits = value.replace(/[^\d+]/g, '');
    return { kind, text: value, href: digits.length >= 3 ? `tel:${digits}` : null, label };
  }
  if (kind === 'email') return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value) ? { kind, text: value, href: `mailto:${value}`, label } : null;
  if (kind === 'web') return /^https?:\/\/[^\s]+$/i.test(value) ? { kind, text: value.replace(/^https?:\/\//i, '').replace(/\/$/, ''), href: value, label } : null;
  return { kind, text: value, href: null, label };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function spanOf(s: Raw): OpeningSpan | null {
  const weekday = Number(s.weekday);
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7 || !TIME.test(s.opens) || !TIME.test(s.closes)) return null;
  return { weekday, opens: s.opens, closes: s.closes, note: text(s.note) };
}

export function authority(a: Raw, ctx: LoaderContext): AuthorityInfo {
  const name = String(a.name ?? '');
  return {
    id: String(a.id),
    name,
    descriptionHtml: richHtml(a.description),
    addresses: list(a.addresses)
      .sort((x, y) => (KIND_ORDER[x.kind] ?? 3) - (KIND_ORDER[y.kind] ?? 3))
      .map((x) => addressOf(x, ctx, name))
      .filter((x): x is AddressInfo => x !== null),
    openingHours: list(a.openingHours)
      .map(spanOf)
      .filter((s): s is OpeningSpan => s !== null)
      .sort((x, y) => x.weekday - y.weekday || x.opens.localeCompare(y.opens)),
    openingHoursNote: text(a.openingHoursNote),
    contacts: list(a.contacts)
      .map(contactOf)
      .filter((c): c is ContactLine => c !== null),
    paymentMethods: (Array.isArray(a.paymentMethods) ? a.paymentMethods : []).map(text).filter((m: string | null): m is string => !!m),
  };
}

/** A small map of the authorities' visitor addresses; null when none has coordinates (no empty map). */
export function authoritiesMap(ctx: LoaderContext, authorities: Raw[]): MapSpec | null {
  const markers = authorities.flatMap((a) => {
    const visitor = list(a.addresses).filter((x) => x.kind !== 'postal' && x.kind !== 'delivery');
    const point = firstPoint(...visitor);
    return point ? [{ id: String(a.id), lat: point[0], lng: point[1], title: String(a.name ?? ''), href: authorityHref(String(a.id)) }] : [];
  });
  return markers.length ? mapSpec(ctx.settings, markers) : null;
}

import type { LoaderContext } from '../../web-app/server/loader.ts';
import { REPORT_STATUSES, type ReportStatus } from '../model/statuses.ts';
import type { CategoryOption, ReportCard } from './defects-data.ts';

type Raw = Record<string, any>;

const CATEGORIES = '/api/v1/defects/categories';

/** The tenant's categories for filters and the wizard; none when the API does not answer. */
export async function loadCategories(ctx: LoaderContext): Promise<CategoryOption[]> {
  const r = await ctx.api<Raw[]>(CATEGORIES);
  if (r.status !== 200 || !Array.isArray(r.body)) return [];
  return r.body.map((c) => ({ code: String(c.code), name: String(c.name), description: String(c.description ?? ''), group: String(c.group ?? '') }));
}

export const isStatus = (s: unknown): s is ReportStatus => typeof s === 'string' && (REPORT_STATUSES as readonly string[]).includes(s);

/** A public report of the API as a list card (dates as ISO text, the first photo). */
export function reportCard(r: Raw): ReportCard {
  const photos: unknown[] = Array.isArray(r.photos) ? r.photos : [];
  const first = photos.map((p) => (typeof p === 'string' ? p : (p as Raw)?.url)).find((u) => typeof u === 'string') ?? null;
  return {
    id: Number(r.id),
    title: String(r.title ?? ''),
    categoryName: String(r.categoryName ?? ''),
    status: isStatus(r.status) ? r.status : 'received',
    lat: Number(r.lat),
    lng: Number(r.lng),
    address: String(r.address ?? ''),
    requestedAt: String(r.requestedAt ?? ''),
    photo: first,
  };
}

export const photoUrls = (r: Raw): string[] => (Array.isArray(r.photos) ? r.photos : []).map((p: unknown) => (typeof p === 'string' ? p : (p as Raw)?.url)).filter((u: unknown): u is string => typeof u === 'string');

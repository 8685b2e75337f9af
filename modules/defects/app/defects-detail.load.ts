import type { Loader } from '../../web-app/server/loader.ts';
import { isId } from '../../places/app/attraction.load.ts';
import { mapSpec } from '../../places/app/map-spec.load.ts';
import type { DefectDetailData } from './defects-data.ts';
import { isStatus, photoUrls, reportCard } from './defects-parts.load.ts';

/** `/maengelmelder/meldungen/:id`: a public report with its history; unknown, hidden or not yet approved ones are 404. */
export const defectDetailLoader: Loader = async (ctx) => {
  if (!isId(ctx.params.id)) return null;
  const r = await ctx.api(`/api/v1/defects/reports/${ctx.params.id}`);
  if (r.status !== 200 || !r.body || typeof r.body !== 'object') return null;
  const card = reportCard(r.body);
  const updates: any[] = Array.isArray(r.body.updates) ? r.body.updates : [];
  const data: DefectDetailData = {
    ...card,
    categoryCode: String(r.body.categoryCode ?? ''),
    description: String(r.body.description ?? ''),
    photos: photoUrls(r.body),
    updatedAt: String(r.body.updatedAt ?? card.requestedAt),
    updates: updates.map((u) => ({ status: isStatus(u.status) ? u.status : 'received', comment: String(u.comment ?? ''), createdAt: String(u.createdAt ?? '') })),
    map: mapSpec(ctx.settings, [{ id: String(card.id), lat: card.lat, lng: card.lng, title: card.title, href: null }]),
  };
  return { title: card.title, data };
};

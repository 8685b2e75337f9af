import type { Loader } from '../../web-app/server/loader.ts';
import { mapSpec } from '../../places/app/map-spec.load.ts';
import type { DefectsHomeData, StatusFilter } from './defects-data.ts';
import { isStatus, loadCategories, reportCard } from './defects-parts.load.ts';
import { defectsTexts } from './defects-texts.ts';

/** Newest reports shown in the list and on the map of the start screen. */
export const HOME_LIMIT = 100;
const CATEGORY = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * `/maengelmelder`: intro, the public reports (list and map with status colours) filtered by
 * status (`?status=open|closed|<status>`) and category (`?kategorie=<code>`). Unknown filter values
 * are ignored rather than refused, as a hand-edited link should still show something.
 */
export const defectsHomeLoader: Loader = async (ctx) => {
  const s = ctx.query.get('status') ?? '';
  const status: StatusFilter = s === 'open' || s === 'closed' || isStatus(s) ? s : '';
  const c = ctx.query.get('kategorie') ?? '';
  const category = CATEGORY.test(c) ? c : '';
  const q = new URLSearchParams({ limit: String(HOME_LIMIT) });
  if (status) q.set('status', status);
  if (category) q.set('category', category);
  const [categories, list] = await Promise.all([loadCategories(ctx), ctx.api(`/api/v1/defects/reports?${q}`)]);
  const items: any[] = list.status === 200 && Array.isArray(list.body?.items) ? list.body.items : [];
  const data: DefectsHomeData = {
    categories,
    reports: items.map(reportCard),
    total: Number(list.body?.total) || items.length,
    filter: { status, category: categories.some((x) => x.code === category) ? category : '' },
    map: mapSpec(ctx.settings, []),
  };
  return { title: defectsTexts(ctx.lang).title, data };
};

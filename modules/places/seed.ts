import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { AccountPrincipal } from '../../core/auth/principal.ts';
import type { SeedContext } from '../../core/registry/manifest.ts';
import { berlinDate } from '../../lib/berlin-time.ts';
import { daysFromNow, publishSeedMedia, readSeedJson } from '../../lib/seed-files.ts';
import { dataProviderIdsByKey } from '../data-providers/seed.ts';
import type { AttractionArgs } from './places-input.ts';
import { upsertPointOfInterest, upsertTour } from './places-upsert.ts';

type SeedCategory = { name: string; iconName?: string; tagList?: string[]; children?: SeedCategory[] };
type SeedImage = { image: string; captionText?: string; copyright?: string };
type SeedAttraction = Omit<AttractionArgs, 'mediaContents'> & { dataProvider: string; images?: SeedImage[] };
type SeedMenu = { text?: string; offers: Array<{ name: string; price: string }> };
type SeedPlace = SeedAttraction & {
  openingHours?: unknown[];
  priceInformations?: unknown[];
  /** One lunch per day from today on, cycling through the menus. */
  lunches?: { days: number; pointOfInterestAttributes?: string; menus: SeedMenu[] };
};
type SeedStop = Omit<AttractionArgs, 'mediaContents'> & { images?: SeedImage[] };
type SeedTour = SeedAttraction & {
  lengthKm: number;
  meansOfTransportation: string;
  /** Waypoints [latitude, longitude]; the seed draws a track of 20–200 points through them. */
  waypoints: Array<[number, number]>;
  tourStops?: SeedStop[];
};
type SeedFile = { categories: SeedCategory[]; places: SeedPlace[]; tours: SeedTour[] };

const newsMedia = fileURLToPath(new URL('../news/seed', import.meta.url));

/**
 * Extends the category tree by name: existing categories (e.g. from the news seed) get the tags
 * added and keep their place; new ones are created under the given parent.
 */
async function ensureCategories(db: Kysely<any>, nodes: SeedCategory[], parentId: number | null): Promise<void> {
  for (const [position, c] of nodes.entries()) {
    const tags = c.tagList ?? [];
    const existing = await db.selectFrom('categories').select(['id']).where(sql<boolean>`lower(name) = lower(${c.name})`).executeTakeFirst();
    let id: number;
    if (existing) {
      await sql`UPDATE categories SET tag_list = ARRAY(SELECT DISTINCT unnest(tag_list || ${tags}::text[]) ORDER BY 1) WHERE id = ${existing.id}`.execute(db);
      id = existing.id;
    } else {
      const row = await db
        .insertInto('categories')
        .values({ name: c.name, icon_name: c.iconName ?? null, tag_list: tags, parent_id: parentId, position })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await ensureCategories(db, c.children ?? [], id);
  }
}

/** A plausible track: waypoints joined by points about 120 m apart, with a slight meander. */
export function trackThrough(waypoints: Array<[number, number]>): Array<{ latitude: number; longitude: number }> {
  const legs = waypoints.slice(1).map((to, i) => {
    const from = waypoints[i];
    const metres = Math.hypot((to[0] - from[0]) * 111_000, (to[1] - from[1]) * 68_000);
    return { from, to, metres };
  });
  const total = legs.reduce((s, l) => s + l.metres, 0);
  const wanted = Math.max(20, Math.min(200, Math.round(total / 120)));
  const points: Array<{ latitude: number; longitude: number }> = [];
  for (const leg of legs) {
    const steps = Math.max(1, Math.round((leg.metres / total) * wanted));
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const wiggle = Math.sin((points.length + 1) * 1.7) * 0.00012;
      points.push({
        latitude: +(leg.from[0] + (leg.to[0] - leg.from[0]) * t + wiggle).toFixed(6),
        longitude: +(leg.from[1] + (leg.to[1] - leg.from[1]) * t - wiggle).toFixed(6),
      });
    }
  }
  const last = waypoints.at(-1)!;
  points.push({ latitude: last[0], longitude: last[1] });
  return points;
}

function media(ctx: SeedContext, images: SeedImage[] | undefined) {
  return (images ?? []).map((m) => ({
    contentType: 'image',
    captionText: m.captionText,
    copyright: m.copyright,
    sourceUrl: { url: publishSeedMedia({ ...ctx, seedDir: newsMedia }, m.image) },
  }));
}

function asProvider(id: number | null): AccountPrincipal {
  return { kind: 'account', accountId: 0, applicationId: 0, role: 'data_provider', platformAdmin: false, dataProviderId: id };
}

/** Demo places go through the same upserts as imports, as their data providers. */
export async function seedPlaces(ctx: SeedContext): Promise<void> {
  const data = readSeedJson<SeedFile>(ctx);
  if (!data) return;
  const providers = await dataProviderIdsByKey(ctx);
  await ensureCategories(ctx.db, data.categories, null);

  for (const { dataProvider, images, lunches, ...place } of data.places) {
    const lunchInput = lunches
      ? Array.from({ length: lunches.days }, (_, day) => {
          const menu = lunches.menus[day % lunches.menus.length];
          const date = berlinDate(daysFromNow(day, '12:00'));
          return {
            text: menu.text,
            pointOfInterestAttributes: lunches.pointOfInterestAttributes,
            dates: [{ dateStart: date, dateEnd: date, timeStart: '11:30', timeEnd: '14:00' }],
            lunchOffers: menu.offers,
          };
        })
      : undefined;
    await upsertPointOfInterest(ctx.db, asProvider(providers.get(dataProvider) ?? null), { ...place, mediaContents: media(ctx, images), lunches: lunchInput });
  }

  for (const { dataProvider, images, waypoints, tourStops, ...tour } of data.tours) {
    await upsertTour(ctx.db, asProvider(providers.get(dataProvider) ?? null), {
      ...tour,
      mediaContents: media(ctx, images),
      geometryTourData: trackThrough(waypoints),
      tourStops: (tourStops ?? []).map(({ images: stopImages, ...stop }) => ({ ...stop, mediaContents: media(ctx, stopImages) })),
    });
  }
}

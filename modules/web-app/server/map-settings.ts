import { z } from 'zod';

/**
 * The tenant's mapSettings (app-client.md 3.3) read leniently: a broken or missing value falls back
 * to a default instead of breaking the page. Only a raster `tileUrl` on a fixed https host is used
 * (the page's Content-Security-Policy allows exactly that origin); a MapLibre `styleUrl` is not, so
 * such a map shows its markers on a plain background. Read by the web app's maps and the studio's.
 */
const num = z.coerce.number();
const geo = z.object({ latitude: num.min(-90).max(90), longitude: num.min(-180).max(180) });
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const settingsSchema = z.object({
  mapCenterPosition: geo.optional().catch(undefined),
  zoomLevel: z
    .object({
      minZoom: num.min(0).max(22).optional().catch(undefined),
      maxZoom: num.min(0).max(22).optional().catch(undefined),
      initialZoom: num.min(0).max(22).optional().catch(undefined),
      singleMarker: num.min(0).max(22).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  tileUrl: z
    .string()
    .regex(/^https:\/\/[^/{}]+\/.*\{z\}.*\{x\}.*\{y\}/)
    .optional()
    .catch(undefined),
  attribution: z.string().max(500).optional().catch(undefined),
  clusterRadius: num.min(0).max(200).optional().catch(undefined),
  markerColors: z
    .object({ default: color.optional().catch(undefined), selected: color.optional().catch(undefined), cluster: color.optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

export type MapSettings = z.infer<typeof settingsSchema>;

export const readMapSettings = (mapSettings: unknown): MapSettings => settingsSchema.catch({}).parse(mapSettings ?? {});

/** Germany's middle, for a tenant without a configured map centre. */
export const FALLBACK_CENTER: [number, number] = [51.16, 10.45];

/** The origin map tiles come from (for the Content-Security-Policy), or null. */
export function tileOrigin(mapSettings: Record<string, any>): string | null {
  const url = mapSettings.tileUrl ?? mapSettings.styleUrl;
  if (typeof url !== 'string' || !/^https:\/\//.test(url)) return null;
  try {
    return new URL(url.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return null;
  }
}

import { z } from 'zod';
import type { TenantSettings } from '../../web-app/server/tenant-settings.ts';
import { themeColors } from '../../web-app/server/theme-colors.ts';
import type { MapMarker, MapSpec } from './map-spec.ts';

/**
 * The tenant's mapSettings (app-client.md 3.3) read leniently: a broken or missing value falls back
 * to a default instead of breaking the page. Only a raster `tileUrl` on a fixed https host is used
 * (the page's Content-Security-Policy allows exactly that origin); a MapLibre `styleUrl` is not, so
 * such a map shows its markers on a plain background.
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

/** Germany's middle, for a tenant without a configured map centre. */
const FALLBACK_CENTER: [number, number] = [51.16, 10.45];

export function mapSpec(settings: TenantSettings, markers: MapMarker[], track: [number, number][] | null = null): MapSpec {
  const s = settingsSchema.parse(settings.mapSettings);
  const minZoom = s.zoomLevel?.minZoom ?? 3;
  const maxZoom = Math.max(minZoom, s.zoomLevel?.maxZoom ?? 18);
  const clamp = (z: number) => Math.min(maxZoom, Math.max(minZoom, z));
  // Marker colours made readable: each gets a text colour with at least 4.5:1 contrast.
  const readable = (c: string | undefined) => themeColors(c);
  const marker = readable(s.markerColors?.default);
  const selected = readable(s.markerColors?.selected ?? s.markerColors?.default);
  const cluster = readable(s.markerColors?.cluster ?? s.markerColors?.default);
  return {
    markers,
    track,
    tileUrl: s.tileUrl ?? null,
    attribution: s.tileUrl ? (s.attribution ?? null) : null,
    center: s.mapCenterPosition ? [s.mapCenterPosition.latitude, s.mapCenterPosition.longitude] : FALLBACK_CENTER,
    zoom: clamp(s.zoomLevel?.initialZoom ?? 13),
    minZoom,
    maxZoom,
    singleZoom: clamp(s.zoomLevel?.singleMarker ?? 16),
    clusterRadius: s.clusterRadius ?? 50,
    colors: { marker: marker.primary, markerText: marker.onPrimary, selected: selected.primary, selectedText: selected.onPrimary, cluster: cluster.primary, clusterText: cluster.onPrimary },
  };
}

type GeoLike = { latitude?: number | null; longitude?: number | null } | null | undefined;

/** [lat, lng] of the first usable geo location, or null. */
export function firstPoint(...candidates: GeoLike[]): [number, number] | null {
  for (const g of candidates) {
    if (g && typeof g.latitude === 'number' && typeof g.longitude === 'number' && Math.abs(g.latitude) <= 90 && Math.abs(g.longitude) <= 180 && !(g.latitude === 0 && g.longitude === 0)) return [g.latitude, g.longitude];
  }
  return null;
}

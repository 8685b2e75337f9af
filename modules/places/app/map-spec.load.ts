import { FALLBACK_CENTER, readMapSettings } from '../../web-app/server/map-settings.ts';
import type { TenantSettings } from '../../web-app/server/tenant-settings.ts';
import { themeColors } from '../../web-app/server/theme-colors.ts';
import type { MapMarker, MapSpec } from './map-spec.ts';

/** What a map of the web app shows, from the tenant's mapSettings (read leniently, see map-settings.ts). */
export function mapSpec(settings: TenantSettings, markers: MapMarker[], track: [number, number][] | null = null): MapSpec {
  const s = readMapSettings(settings.mapSettings);
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

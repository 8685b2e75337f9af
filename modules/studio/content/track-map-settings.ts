import { FALLBACK_CENTER, readMapSettings } from '../../web-app/server/map-settings.ts';

/**
 * What the studio's track map needs of the tenant's mapSettings: where to start and, if one is
 * configured, the raster tile server (the form's Content-Security-Policy then allows its origin).
 * Without one the map shows the track on a plain background — the studio loads nothing else
 * from elsewhere.
 */
export type TrackMapSettings = { center: [number, number]; zoom: number; maxZoom: number; tileUrl: string | null; attribution: string | null };

export function trackMapSettings(mapSettings: unknown): TrackMapSettings {
  const s = readMapSettings(mapSettings);
  return {
    center: s.mapCenterPosition ? [s.mapCenterPosition.latitude, s.mapCenterPosition.longitude] : FALLBACK_CENTER,
    zoom: s.zoomLevel?.initialZoom ?? 13,
    maxZoom: s.zoomLevel?.maxZoom ?? 18,
    tileUrl: s.tileUrl ?? null,
    attribution: s.tileUrl ? (s.attribution ?? null) : null,
  };
}

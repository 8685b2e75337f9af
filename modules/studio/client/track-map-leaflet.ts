import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { TrackPoint } from '../../../lib/track-text.ts';
import type { TrackMapSettings } from '../content/track-map-settings.ts';
import type { trackTexts } from '../content/track-texts.ts';

/**
 * The track map's chunk (Leaflet and its stylesheet, loaded after the page): the track as a line,
 * its start as a dot and its last point as a draggable, focusable marker. Tiles only from the
 * tenant's own tile server, if it has one; nothing else is fetched (markers are plain divs).
 */
export type TrackMapOptions = {
  texts: ReturnType<typeof trackTexts>;
  editable: boolean;
  onAdd: (p: TrackPoint) => void;
  onMoveLast: (p: TrackPoint) => void;
  onTilesFailed: () => void;
};

/** Shown instead of a tile that failed, so no broken-image icons cover the track. */
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const point = (ll: L.LatLng): TrackPoint => ({ latitude: ll.lat, longitude: ll.lng });

export function mountTrackMap(box: HTMLElement, settings: Partial<TrackMapSettings>, o: TrackMapOptions) {
  const maxZoom = settings.maxZoom ?? 18;
  const map = L.map(box, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, maxZoom, doubleClickZoom: false });
  L.control.zoom({ zoomInTitle: o.texts.zoomIn, zoomOutTitle: o.texts.zoomOut }).addTo(map);
  if (settings.tileUrl) {
    L.control.attribution({ prefix: false }).addTo(map);
    const tiles = L.tileLayer(settings.tileUrl, { attribution: escapeHtml(settings.attribution ?? ''), maxZoom, errorTileUrl: BLANK_TILE });
    let loaded = false;
    tiles.on('tileload', () => (loaded = true));
    tiles.on('tileerror', () => {
      if (loaded || !map.hasLayer(tiles)) return;
      map.removeLayer(tiles);
      o.onTilesFailed();
    });
    tiles.addTo(map);
  }
  map.setView(settings.center ?? [51.16, 10.45], settings.zoom ?? 13);

  const line = L.polyline([], { color: '#005ea5', weight: 4, interactive: false }).addTo(map);
  const start = L.circleMarker([0, 0], { radius: 6, color: '#fff', weight: 2, fillColor: '#005ea5', fillOpacity: 1, interactive: false });
  const last = L.marker([0, 0], {
    icon: L.divIcon({ className: 'track-end', iconSize: [20, 20] }),
    title: o.texts.lastPoint,
    alt: o.texts.lastPoint,
    keyboard: true,
    draggable: o.editable,
  });
  last.on('dragend', () => o.onMoveLast(point(last.getLatLng())));
  if (o.editable) map.on('click', (e: L.LeafletMouseEvent) => o.onAdd(point(e.latlng)));

  return {
    draw(points: TrackPoint[], fit: boolean) {
      const latLngs = points.map((p) => L.latLng(p.latitude, p.longitude));
      line.setLatLngs(latLngs);
      for (const [marker, at] of [
        [start, latLngs[0]],
        [last, latLngs.length > 1 ? latLngs.at(-1) : undefined],
      ] as const) {
        if (at) marker.setLatLng(at).addTo(map);
        else marker.remove();
      }
      if (!fit || !latLngs.length) return;
      if (latLngs.length === 1) map.setView(latLngs[0]!, Math.min(maxZoom, 15));
      else map.fitBounds(L.latLngBounds(latLngs), { padding: [24, 24], maxZoom: Math.min(maxZoom, 16) });
    },
    centre: () => point(map.getCenter()),
  };
}

import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapSpec } from '../../places/app/map-spec.ts';
import { addTiles } from '../../places/app/leaflet-map.ts';
import type { ReportCard } from './defects-data.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { statusColour, statusLabel, statusSymbols } from './status-look.ts';

/**
 * The Mängelmelder's map chunk (Leaflet), loaded only when a map is on screen: the public map of
 * reports with pins in status colours, and the wizard's point picker. Pins are div icons coloured
 * through CSS variables set via CSSOM (allowed by the page's CSP), as the places map does.
 */
export type MapTexts = { zoomIn: string; zoomOut: string; close: string };

function baseMap(box: HTMLElement, spec: MapSpec, texts: MapTexts, onTilesFailed: () => void): L.Map {
  const map = L.map(box, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, minZoom: spec.minZoom, maxZoom: spec.maxZoom });
  L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);
  addTiles(map, spec, onTilesFailed);
  return map;
}

function pin(colour: string, symbol: string, extraClass = ''): L.DivIcon {
  const el = document.createElement('span');
  el.className = 'map-pin';
  el.style.setProperty('--marker', colour);
  el.style.setProperty('--marker-text', '#ffffff');
  const s = document.createElement('span');
  s.setAttribute('aria-hidden', 'true');
  s.textContent = symbol;
  el.append(s);
  return L.divIcon({ className: `map-marker ${extraClass}`, html: el, iconSize: [32, 32], iconAnchor: [16, 32], popupAnchor: [0, -30] });
}

/** Public reports: a pin per report (title and status in its name), a preview linking to the report. */
export function mountReportsMap(box: HTMLElement, spec: MapSpec, reports: ReportCard[], lang: Lang, texts: MapTexts, onTilesFailed: () => void): () => void {
  const map = baseMap(box, spec, texts, onTilesFailed);
  for (const r of reports) {
    const label = statusLabel(r.status, lang);
    const marker = L.marker([r.lat, r.lng], { icon: pin(statusColour(r.status), statusSymbols[r.status]), title: `${r.title} – ${label}`, keyboard: true }).addTo(map);
    marker.bindPopup(() => {
      const p = document.createElement('p');
      p.className = 'map-popup';
      const a = document.createElement('a');
      a.href = `/maengelmelder/meldungen/${r.id}`;
      a.textContent = r.title;
      p.append(a, document.createElement('br'), label);
      return p;
    });
  }
  map.on('popupopen', (e: L.PopupEvent) => {
    const el = e.popup.getElement();
    el?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', texts.close);
    el?.querySelector<HTMLElement>('.map-popup a')?.focus({ preventScroll: true });
  });
  const points = reports.map((r) => L.latLng(r.lat, r.lng));
  if (points.length === 1) map.setView(points[0]!, spec.singleZoom);
  else if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: spec.singleZoom });
  else map.setView(spec.center, spec.zoom);
  return () => map.remove();
}

export type PointPicker = { setPoint(lat: number, lng: number): void; pickCentre(): void; destroy(): void };

/**
 * The wizard's place: a tap or click sets the point; with the keyboard the map moves with the
 * arrow keys (Leaflet) and Enter or Space picks its centre (a cross marks it).
 */
export function mountPointPicker(box: HTMLElement, spec: MapSpec, start: { lat: number; lng: number } | null, colour: string, texts: MapTexts, onPick: (lat: number, lng: number) => void, onTilesFailed: () => void): PointPicker {
  const map = baseMap(box, spec, texts, onTilesFailed);
  map.setView(start ? [start.lat, start.lng] : spec.center, start ? spec.singleZoom : spec.zoom);
  let marker: L.Marker | null = null;
  const setPoint = (lat: number, lng: number) => {
    if (marker) marker.setLatLng([lat, lng]);
    else marker = L.marker([lat, lng], { icon: pin(colour, '●', 'is-picked'), keyboard: false, interactive: false }).addTo(map);
  };
  if (start) setPoint(start.lat, start.lng);
  const pick = (ll: L.LatLng) => {
    setPoint(ll.lat, ll.lng);
    onPick(ll.lat, ll.lng);
  };
  map.on('click', (e: L.LeafletMouseEvent) => pick(e.latlng));
  const container = map.getContainer();
  container.addEventListener('keydown', (e) => {
    if (e.target !== container || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    pick(map.getCenter());
  });
  return {
    setPoint: (lat, lng) => {
      setPoint(lat, lng);
      map.setView([lat, lng], Math.max(map.getZoom(), spec.singleZoom));
    },
    pickCentre: () => pick(map.getCenter()),
    destroy: () => map.remove(),
  };
}

import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { gridClusters } from './cluster.ts';
import type { MapMarker, MapSpec } from './map-spec.ts';
import { fill } from './places-texts.ts';

/**
 * The map chunk: Leaflet, its stylesheet and the clustering, loaded only by MapView on mount.
 * Markers are div icons (no marker images, so nothing is fetched from elsewhere) coloured through
 * CSS variables set via CSSOM, which the page's Content-Security-Policy allows. Markers are
 * Leaflet's focusable buttons: Enter or Space opens a marker's preview or zooms into a cluster.
 */
export type MapOptions = {
  texts: { zoomIn: string; zoomOut: string; close: string; cluster: string };
  onTilesFailed: () => void;
};

/** Shown instead of a tile that failed, so no broken-image icons cover the markers. */
const BLANK_TILE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function mountMap(box: HTMLElement, spec: MapSpec, { texts, onTilesFailed }: MapOptions): () => void {
  const c = spec.colors;
  for (const [name, value] of Object.entries({ '--marker': c.marker, '--marker-text': c.markerText, '--marker-selected': c.selected, '--marker-selected-text': c.selectedText, '--cluster': c.cluster, '--cluster-text': c.clusterText })) {
    box.style.setProperty(name, value);
  }
  const map = L.map(box, { zoomControl: false, attributionControl: false, scrollWheelZoom: false, minZoom: spec.minZoom, maxZoom: spec.maxZoom });
  L.control.zoom({ zoomInTitle: texts.zoomIn, zoomOutTitle: texts.zoomOut }).addTo(map);

  addTiles(map, spec, onTilesFailed);

  if (spec.track && spec.track.length > 1) L.polyline(spec.track, { color: c.marker, weight: 5, opacity: 0.9, interactive: false }).addTo(map);

  const markers = L.layerGroup().addTo(map);
  /** After zooming into a cluster, keyboard focus goes to the marker that now holds its first member. */
  let focusMember: string | null = null;

  const single = (m: MapMarker) => {
    const pin = document.createElement('span');
    pin.className = 'map-pin';
    if (m.label) {
      const label = document.createElement('span');
      label.setAttribute('aria-hidden', 'true');
      label.textContent = m.label;
      pin.append(label);
    }
    const marker = L.marker([m.lat, m.lng], { icon: L.divIcon({ className: 'map-marker', html: pin, iconSize: [32, 32], iconAnchor: [16, 32], popupAnchor: [0, -30] }), title: m.title, keyboard: true, riseOnHover: true });
    if (!m.href) return marker;
    marker.bindPopup(() => preview(m), { autoPanPadding: L.point(24, 24) });
    marker.on('popupopen', () => marker.getElement()?.classList.add('is-selected'));
    marker.on('popupclose', () => marker.getElement()?.classList.remove('is-selected'));
    // Leaflet opens the preview on Enter; Space is the other key of a button.
    marker.on('keydown', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key !== ' ') return;
      e.originalEvent.preventDefault();
      marker.openPopup();
    });
    return marker;
  };

  const cluster = (members: MapMarker[]) => {
    const count = document.createElement('span');
    count.setAttribute('aria-hidden', 'true');
    count.textContent = String(members.length);
    const lat = members.reduce((s, m) => s + m.lat, 0) / members.length;
    const lng = members.reduce((s, m) => s + m.lng, 0) / members.length;
    const size = members.length < 10 ? 36 : members.length < 100 ? 42 : 48;
    const marker = L.marker([lat, lng], { icon: L.divIcon({ className: 'map-cluster', html: count, iconSize: [size, size] }), title: fill(texts.cluster, { n: members.length }), keyboard: true });
    const zoomIn = () => {
      focusMember = members[0]!.id;
      map.fitBounds(L.latLngBounds(members.map((m) => [m.lat, m.lng] as [number, number])), { padding: [48, 48], maxZoom: spec.maxZoom });
    };
    marker.on('click', zoomIn);
    marker.on('keydown', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key !== 'Enter' && e.originalEvent.key !== ' ') return;
      e.originalEvent.preventDefault();
      zoomIn();
    });
    return marker;
  };

  const draw = () => {
    markers.clearLayers();
    const zoom = map.getZoom();
    const groups =
      spec.clusterRadius > 0 && zoom < spec.maxZoom
        ? gridClusters(
            spec.markers.map((m) => ({ item: m, ...map.project([m.lat, m.lng], zoom) })),
            spec.clusterRadius,
          )
        : spec.markers.map((m) => [m]);
    for (const members of groups) {
      const marker = (members.length === 1 ? single(members[0]!) : cluster(members)).addTo(markers);
      if (focusMember && members.some((m) => m.id === focusMember)) marker.getElement()?.focus({ preventScroll: true });
    }
    focusMember = null;
  };

  map.on('popupopen', (e: L.PopupEvent) => {
    const el = e.popup.getElement();
    el?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', texts.close);
    // preventScroll: focusing a popup still partly outside the box would scroll Leaflet's
    // overflow-hidden container and shift every layer away from where Leaflet thinks it is.
    el?.querySelector<HTMLElement>('.map-popup a')?.focus({ preventScroll: true });
  });

  const points = [...spec.markers.map((m) => L.latLng(m.lat, m.lng)), ...(spec.track ?? []).map(([lat, lng]) => L.latLng(lat, lng))];
  if (points.length === 1) map.setView(points[0]!, spec.singleZoom);
  else if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: spec.singleZoom });
  else map.setView(spec.center, spec.zoom);
  draw();
  map.on('zoomend', draw);
  return () => map.remove();
}

/** The tenant's raster tiles with attribution; when not one tile comes, the plain background and `onTilesFailed`. */
export function addTiles(map: L.Map, spec: MapSpec, onTilesFailed: () => void): void {
  if (!spec.tileUrl) return;
  L.control.attribution({ prefix: false }).addTo(map);
  const tiles = L.tileLayer(spec.tileUrl, { attribution: escapeHtml(spec.attribution ?? ''), minZoom: spec.minZoom, maxZoom: spec.maxZoom, errorTileUrl: BLANK_TILE });
  let loaded = false;
  tiles.on('tileload', () => (loaded = true));
  // Not one tile came: the tile server is unreachable, so show the plain background and say so.
  tiles.on('tileerror', () => {
    if (loaded || !map.hasLayer(tiles)) return;
    map.removeLayer(tiles);
    onTilesFailed();
  });
  tiles.addTo(map);
}

/** A marker's preview: its name, linking to its page (or to its place in the list on this page). */
function preview(m: MapMarker): HTMLElement {
  const box = document.createElement('p');
  box.className = 'map-popup';
  const link = document.createElement('a');
  link.href = m.href!;
  link.textContent = m.title;
  box.append(link);
  return box;
}

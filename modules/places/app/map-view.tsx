import { useTexts } from '../../web-app/client/i18n.ts';
import { placesTexts } from './places-texts.ts';
import type { MapSpec } from './map-spec.ts';
import { LazyMap } from './lazy-map.tsx';

/**
 * A map of markers (and a tour's track). Leaflet is imported only when the map is on screen, so it
 * never weighs on other pages; the list on the same page stays the alternative.
 */
export function MapView({ spec, small = false }: { spec: MapSpec; small?: boolean }) {
  const t = useTexts(placesTexts);
  const mount = async (box: HTMLDivElement, onTilesFailed: () => void) =>
    (await import('./leaflet-map.ts')).mountMap(box, spec, { texts: { zoomIn: t.mapZoomIn, zoomOut: t.mapZoomOut, close: t.mapClosePopup, cluster: t.mapCluster }, onTilesFailed });
  return <LazyMap mount={mount} deps={[spec]} hasTiles={!!spec.tileUrl} label={t.map} noBackground={t.mapNoBackground} small={small} />;
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { useTexts } from '../../web-app/client/i18n.ts';
import { placesTexts } from './places-texts.ts';
import type { MapSpec } from './map-spec.ts';

/**
 * A map of markers (and a tour's track). The server renders an empty box; Leaflet is imported only
 * when the map is on screen, so it never weighs on other pages. Without usable tiles the markers
 * stand on a plain background and a note says so; the list on the same page stays the alternative.
 */
export function MapView({ spec, small = false }: { spec: MapSpec; small?: boolean }) {
  const t = useTexts(placesTexts);
  const box = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  useEffect(() => {
    let destroy: (() => void) | null = null;
    let gone = false;
    setTilesFailed(false);
    void import('./leaflet-map.ts').then(({ mountMap }) => {
      if (gone || !box.current) return;
      destroy = mountMap(box.current, spec, {
        texts: { zoomIn: t.mapZoomIn, zoomOut: t.mapZoomOut, close: t.mapClosePopup, cluster: t.mapCluster },
        onTilesFailed: () => setTilesFailed(true),
      });
    });
    return () => {
      gone = true;
      destroy?.();
    };
  }, [spec]);
  return (
    <div class="map-block">
      {(!spec.tileUrl || tilesFailed) && (
        <p class="map-note" role="status">
          {t.mapNoBackground}
        </p>
      )}
      <div ref={box} class={small ? 'map map-small' : 'map'} role="region" aria-label={t.map} />
    </div>
  );
}

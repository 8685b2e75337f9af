import { useEffect, useRef, useState } from 'preact/hooks';
import { useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { MapSpec } from '../../places/app/map-spec.ts';
import type { ReportCard } from './defects-data.ts';
import { defectsTexts } from './defects-texts.ts';

/**
 * The public map of reports. The server renders an empty box; the Leaflet chunk is imported when
 * the map mounts. The list beside it carries the same reports as text, the map's alternative.
 */
export function ReportsMap({ spec, reports, small = false }: { spec: MapSpec; reports: ReportCard[]; small?: boolean }) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  const [tilesFailed, setTilesFailed] = useState(false);
  useEffect(() => {
    let destroy: (() => void) | null = null;
    let gone = false;
    void import('./defects-map.ts').then(({ mountReportsMap }) => {
      if (gone || !box.current) return;
      destroy = mountReportsMap(box.current, spec, reports, lang, { zoomIn: t.mapZoomIn, zoomOut: t.mapZoomOut, close: t.mapClosePopup }, () => setTilesFailed(true));
    });
    return () => {
      gone = true;
      destroy?.();
    };
  }, [spec, reports]);
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

import { useLang, useTexts } from '../../web-app/client/i18n.ts';
import type { MapSpec } from '../../places/app/map-spec.ts';
import { LazyMap } from '../../places/app/lazy-map.tsx';
import type { ReportCard } from './defects-data.ts';
import { defectsTexts } from './defects-texts.ts';

/**
 * The public map of reports; the Leaflet chunk is imported when the map mounts. The list beside it
 * carries the same reports as text, the map's alternative.
 */
export function ReportsMap({ spec, reports, small = false }: { spec: MapSpec; reports: ReportCard[]; small?: boolean }) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  const mount = async (box: HTMLDivElement, onTilesFailed: () => void) =>
    (await import('./defects-map.ts')).mountReportsMap(box, spec, reports, lang, { zoomIn: t.mapZoomIn, zoomOut: t.mapZoomOut, close: t.mapClosePopup }, onTilesFailed);
  return <LazyMap mount={mount} deps={[spec, reports]} hasTiles={!!spec.tileUrl} label={t.map} noBackground={t.mapNoBackground} small={small} />;
}

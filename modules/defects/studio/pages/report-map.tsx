import { fillText, useLang, useTexts } from '../../../web-app/client/i18n.ts';
import type { AreaShape } from '../../area/point-in-area.ts';
import { REPORT_STATUSES, statusColours, statusLabels, type ReportStatus } from '../../model/statuses.ts';
import { reportPath } from '../defects-studio-kit.ts';
import { defectsTexts } from '../defects-texts.ts';

export type MapPoint = { id: number; title: string; status: ReportStatus; lat: number; lng: number };

const WIDTH = 800;
const PAD = 16;
/** The smallest frame, in degrees (about 450 m north to south), so a single report is not a lone dot at full zoom. */
const MIN_SPAN = 0.004;

/** A dot in the status colour (lists and the legend); its meaning is the text beside it. */
export function StatusDot({ status }: { status: ReportStatus }) {
  return (
    <svg class="status-dot" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <circle cx="6" cy="6" r="6" fill={statusColours[status]} />
    </svg>
  );
}

/** The outer rings of the municipality's area, as [lng, lat] lists. */
const outerRings = (area: AreaShape | null) => (area ? (area.type === 'Polygon' ? [area.coordinates[0]!] : area.coordinates.map((p) => p[0]!)) : []);

/**
 * The filtered reports over the outline of the municipality's area, drawn on the server (the
 * studio loads no script and no map tiles from elsewhere here) and framed on the reports:
 * longitude scaled by the cosine of the latitude, each dot a link to its report in its status
 * colour. The list below holds the same reports, for keyboards and screen readers the quicker way.
 */
export function ReportMap({ points, area, more }: { points: MapPoint[]; area: AreaShape | null; more: boolean }) {
  const t = useTexts(defectsTexts);
  const lang = useLang();
  const rings = outerRings(area);
  if (!points.length) return <p class="hint">{t.mapEmpty}</p>;
  // Framed on the reports (the area is drawn where it falls in the frame), at least MIN_SPAN wide.
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const k = Math.cos((midLat * Math.PI) / 180);
  const spanY = Math.max(Math.max(...lats) - Math.min(...lats), MIN_SPAN) * 1.1;
  const spanX = Math.max((Math.max(...lngs) - Math.min(...lngs)) * k, MIN_SPAN) * 1.1;
  const scale = (WIDTH - 2 * PAD) / Math.max(spanX, spanY * 1.6);
  const height = Math.round(Math.min(600, Math.max(240, spanY * scale + 2 * PAD)));
  const x = (lng: number) => +(WIDTH / 2 + (lng - midLng) * k * scale).toFixed(1);
  const y = (lat: number) => +(height / 2 - (lat - midLat) * scale).toFixed(1);
  return (
    <figure class="report-map">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="group" aria-label={t.map}>
        <rect x="0" y="0" width={WIDTH} height={height} fill="#f4f6f8" />
        {rings.map((r, i) => (
          <polygon key={i} points={r.map((c) => `${x(c[0]!)},${y(c[1]!)}`).join(' ')} fill="#e3ebe4" stroke="#5f6f7f" stroke-width="1.5" />
        ))}
        {points.map((p) => (
          <a key={p.id} href={reportPath(p.id)} aria-label={`${fillText(t.reportNo, { id: p.id })}: ${p.title} (${statusLabels[p.status][lang]})`}>
            <circle cx={x(p.lng)} cy={y(p.lat)} r="7" fill={statusColours[p.status]} stroke="#fff" stroke-width="2" />
          </a>
        ))}
      </svg>
      <figcaption>
        <span class="hint">
          {t.mapHint}
          {more && ` ${fillText(t.mapMore, { n: points.length })}`}
        </span>
        <ul class="map-legend" aria-label={t.legend}>
          {REPORT_STATUSES.map((s) => (
            <li key={s}>
              <StatusDot status={s} /> {statusLabels[s][lang]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

import { scanGpx, type GpxRawPoint } from './gpx.ts';

/**
 * A tour's track as editors write it: one "latitude, longitude" pair per line, or the text of a
 * GPX file (its track points, else its route points). Shared by the studio's server-side check
 * and its map script, so both read a text the same way.
 */
export type TrackPoint = { latitude: number; longitude: number };

export type TrackProblem = {
  code: 'tooManyPoints' | 'noPoints' | 'badLine' | 'badNumber' | 'missingCoordinate' | 'latitudeRange' | 'longitudeRange' | 'doctype' | 'malformed' | 'unclosed' | 'notGpx';
  /** The line of the text (1-based). */
  line?: number;
  /** The point of a GPX file (1-based), where the problem is one point's. */
  point?: number;
  /** The offending text (a line, a number or an element name). */
  value?: string;
};

export type TrackParse = { ok: true; points: TrackPoint[] } | { ok: false; problem: TrackProblem };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PAIR = /^([+-]?\d+(?:\.\d+)?)\s*[,;\s]\s*([+-]?\d+(?:\.\d+)?)$/;

/** Checks a coordinate pair's ranges; `at` locates a problem. */
function point(latitude: number, longitude: number, at: Omit<TrackProblem, 'code'>): TrackPoint | TrackProblem {
  if (Math.abs(latitude) > 90) return { ...at, code: 'latitudeRange', value: String(latitude) };
  if (Math.abs(longitude) > 180) return { ...at, code: 'longitudeRange', value: String(longitude) };
  return { latitude, longitude };
}

const isProblem = (v: TrackPoint | TrackProblem): v is TrackProblem => 'code' in v;

/** One coordinate as typed: "52.1412" or, in German, "52,1412"; null when it is no such number. */
export function coordinateText(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** "52.14, 12.59" or "52.14 12.59"; with a semicolon between them, decimal commas too ("52,14; 12,59", as spreadsheets write). */
function linePair(text: string): [number, number] | null {
  const m = PAIR.exec(text);
  if (m) return [Number(m[1]), Number(m[2])];
  const parts = text.split(';').map(coordinateText);
  return parts.length === 2 && parts[0] !== null && parts[1] !== null ? [parts[0], parts[1]] : null;
}

function parseLines(text: string, maxPoints: number): TrackParse {
  const points: TrackPoint[] = [];
  const lines = text.split(/\r?\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const content = lines[i]!.trim();
    if (!content) continue;
    const pair = linePair(content);
    if (!pair) return { ok: false, problem: { code: 'badLine', line: i + 1, value: content.slice(0, 80) } };
    const p = point(pair[0], pair[1], { line: i + 1 });
    if (isProblem(p)) return { ok: false, problem: p };
    if (points.length === maxPoints) return { ok: false, problem: { code: 'tooManyPoints' } };
    points.push(p);
  }
  return { ok: true, points };
}

function gpxPoint(raw: GpxRawPoint, index: number): TrackPoint | TrackProblem {
  const at = { line: raw.line, point: index + 1 };
  if (raw.lat === undefined || raw.lon === undefined) return { ...at, code: 'missingCoordinate' };
  for (const v of [raw.lat, raw.lon]) if (!DECIMAL.test(v.trim())) return { ...at, code: 'badNumber', value: v.slice(0, 40) };
  return point(Number(raw.lat), Number(raw.lon), at);
}

function parseGpx(text: string, maxPoints: number): TrackParse {
  const scan = scanGpx(text);
  if (!scan.ok) return { ok: false, problem: { code: scan.code, line: scan.line, value: scan.element } };
  // A file with both is a recorded track plus its planned route: the track is what was walked.
  const raw = scan.trackPoints.length ? scan.trackPoints : scan.routePoints;
  if (!raw.length) return { ok: false, problem: { code: 'noPoints' } };
  if (raw.length > maxPoints) return { ok: false, problem: { code: 'tooManyPoints' } };
  const points: TrackPoint[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = gpxPoint(raw[i]!, i);
    if (isProblem(p)) return { ok: false, problem: p };
    points.push(p);
  }
  return { ok: true, points };
}

/** Reads a track text; an empty one is an empty track. Text starting with "<" is read as GPX. */
export function parseTrackText(text: string, maxPoints: number): TrackParse {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  return trimmed.startsWith('<') ? parseGpx(trimmed, maxPoints) : parseLines(trimmed, maxPoints);
}

/** The track as the form shows it: one "latitude, longitude" per line, numbers as stored (no rounding). */
export const trackLines = (points: TrackPoint[]) => points.map((p) => `${p.latitude}, ${p.longitude}`).join('\n');

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Length of the line through the points in kilometres (haversine, on a spherical earth). */
export function trackLengthKm(points: TrackPoint[]): number {
  let km = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const h = Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
    km += 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  return km;
}

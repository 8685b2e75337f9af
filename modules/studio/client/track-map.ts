import { parseTrackText, trackLengthKm, trackLines, type TrackPoint } from '../../../lib/track-text.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { trackProblemText, trackTexts } from '../content/track-texts.ts';
import type { TrackMapSettings } from '../content/track-map-settings.ts';

/**
 * The track field of the studio's forms (textarea[data-track]): a map showing the track, where a
 * click adds a point and the last point can be dragged, buttons for the keyboard, and "load GPX
 * file", which reads the file here with the same reader the server uses. The textarea stays the
 * one thing the form sends: every action writes the points into it as lines.
 */
const lang = document.documentElement.lang === 'en' ? 'en' : 'de';
const t = trackTexts(lang);

/** Clicked points to a tenth of a metre; typed or loaded ones stay as they are. */
const rounded = (n: number) => Math.round(n * 1e6) / 1e6;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

function enhance(area: HTMLTextAreaElement): void {
  const settings = JSON.parse(area.dataset.track ?? '{}') as Partial<TrackMapSettings> & { maxPoints: number };
  const label = document.querySelector(`label[for="${area.id}"]`)?.textContent?.replace(/\s*\*$/, '').trim() ?? '';
  const status = element('p', { className: 'track-status' });
  status.setAttribute('role', 'status');
  const box = element('div', { className: 'track-map', id: `${area.id}-map` });
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', t.map);
  const hint = element('span', { className: 'hint', id: `${area.id}-map-hint` }, t.mapHint);
  box.setAttribute('aria-describedby', hint.id);
  const note = element('p', { className: 'track-note', hidden: !!settings.tileUrl }, t.noTiles);
  const file = element('input', { type: 'file', id: `${area.id}-file`, accept: '.gpx,application/gpx+xml,application/xml,text/xml' });
  const fileLabel = element('label', { htmlFor: file.id }, t.loadFile);
  const addCentre = element('button', { type: 'button' }, t.addCentre);
  const removeLast = element('button', { type: 'button' }, t.removeLast);
  const tools = element('div', { className: 'track-tools' }, note, box, hint, element('p', { className: 'track-buttons' }, element('span', { className: 'track-file' }, fileLabel, file), addCentre, removeLast), status);
  (area.closest('.field') ?? area).after(tools);
  // A read-only form (inside a disabled fieldset) shows the map but takes no changes.
  const editable = !area.matches(':disabled');

  let map: { draw: (points: TrackPoint[], fit: boolean) => void; centre: () => TrackPoint } | null = null;
  /** The points the textarea holds now, or null (and the problem shown) when its text is not readable. */
  const current = (): TrackPoint[] | null => {
    const parsed = parseTrackText(area.value, settings.maxPoints);
    if (parsed.ok) return parsed.points;
    status.textContent = trackProblemText(parsed.problem, label, settings.maxPoints, lang);
    status.classList.add('is-error');
    return null;
  };
  const show = (points: TrackPoint[], fit: boolean, message?: string) => {
    const km = trackLengthKm(points).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
    status.textContent = message ?? (points.length ? fillText(t.summary, { n: points.length.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB'), km }) : t.empty);
    status.classList.remove('is-error');
    map?.draw(points, fit);
  };
  const refresh = (fit: boolean) => {
    const points = current();
    if (points) show(points, fit);
  };
  /** Changes the points (if the text is readable) and writes them back as lines. */
  const change = (edit: (points: TrackPoint[]) => TrackPoint[]) => {
    const points = editable ? current() : null;
    if (!points) return;
    const next = edit(points).slice(0, settings.maxPoints);
    area.value = trackLines(next);
    show(next, false);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  area.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => refresh(false), 300);
  });
  addCentre.addEventListener('click', () => map && change((points) => [...points, map!.centre()]));
  removeLast.addEventListener('click', () => change((points) => points.slice(0, -1)));
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const parsed = parseTrackText(await chosen.text(), settings.maxPoints);
    file.value = '';
    if (!parsed.ok) {
      status.textContent = trackProblemText(parsed.problem, chosen.name, settings.maxPoints, lang);
      status.classList.add('is-error');
      return;
    }
    area.value = trackLines(parsed.points);
    show(parsed.points, true, fillText(t.loaded, { n: parsed.points.length.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB'), file: chosen.name }));
  });

  // Pasted GPX text goes as its points (the same value the server would make of it), so large
  // files stay below the request size limit; text that is not readable goes as it is, for the server's message.
  area.form?.addEventListener('submit', () => {
    if (!area.value.trimStart().startsWith('<')) return;
    const parsed = parseTrackText(area.value, settings.maxPoints);
    if (parsed.ok) area.value = trackLines(parsed.points);
  });

  refresh(false);
  void import('./track-map-leaflet.ts').then(({ mountTrackMap }) => {
    map = mountTrackMap(box, settings, {
      texts: t,
      editable,
      onAdd: (p) => change((points) => [...points, { latitude: rounded(p.latitude), longitude: rounded(p.longitude) }]),
      onMoveLast: (p) => change((points) => [...points.slice(0, -1), { latitude: rounded(p.latitude), longitude: rounded(p.longitude) }]),
      onTilesFailed: () => (note.hidden = false),
    });
    refresh(true);
  });
}

document.querySelectorAll<HTMLTextAreaElement>('textarea[data-track]').forEach(enhance);

import type { TrackProblem } from '../../../lib/track-text.ts';
import { defineTexts, fillText, type Lang } from '../../web-app/client/i18n.ts';

/** Texts of track fields: the server's messages about a track text and the map script's controls. */
export const trackTexts = defineTexts({
  de: {
    atLine: 'Zeile {line}',
    atPoint: 'Zeile {line}, Punkt {point}',
    tooManyPoints: '„{label}“ hat mehr als {max} Punkte. Bitte verwenden Sie einen vereinfachten Track.',
    noPoints: '„{label}“: die GPX-Datei enthält keine Track- oder Routenpunkte (trkpt, rtept).',
    badLine: '„{label}“, {where}: „{value}“ ist kein Koordinatenpaar „Breite, Länge“ (z. B. 52.1412, 12.5913).',
    badNumber: '„{label}“, {where}: „{value}“ ist keine Zahl.',
    missingCoordinate: '„{label}“, {where}: dem Punkt fehlt lat oder lon.',
    latitudeRange: '„{label}“, {where}: der Breitengrad {value} liegt nicht zwischen -90 und 90.',
    longitudeRange: '„{label}“, {where}: der Längengrad {value} liegt nicht zwischen -180 und 180.',
    doctype: '„{label}“, {where}: GPX-Dateien mit DOCTYPE- oder ENTITY-Angaben werden aus Sicherheitsgründen nicht gelesen.',
    malformed: '„{label}“, {where}: die GPX-Datei ist hier fehlerhaft (kein gültiges XML).',
    unclosed: '„{label}“: die GPX-Datei endet, bevor <{value}> aus Zeile {line} geschlossen ist – ist sie unvollständig?',
    notGpx: '„{label}“: der Text beginnt mit „<“, ist aber keine GPX-Datei (das Element <gpx> fehlt).',
    map: 'Karte des Tracks',
    mapHint: 'Ein Klick in die Karte fügt einen Punkt am Ende an; der letzte Punkt lässt sich verschieben. Mit der Tastatur: Karte mit den Pfeiltasten verschieben, dann „Punkt in der Kartenmitte anfügen“.',
    noTiles: 'Für diese Kommune ist kein Kartenhintergrund eingerichtet (mapSettings: tileUrl); Track und Punkte werden auf leerem Grund gezeigt.',
    loadFile: 'GPX-Datei laden',
    addCentre: 'Punkt in der Kartenmitte anfügen',
    removeLast: 'Letzten Punkt entfernen',
    summary: '{n} Punkte, {km} km',
    empty: 'Noch keine Punkte.',
    loaded: '{n} Punkte aus „{file}“ übernommen.',
    lastPoint: 'Letzter Punkt (verschiebbar)',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
  },
  en: {
    atLine: 'line {line}',
    atPoint: 'line {line}, point {point}',
    tooManyPoints: '“{label}” has more than {max} points. Please use a simplified track.',
    noPoints: '“{label}”: the GPX file contains no track or route points (trkpt, rtept).',
    badLine: '“{label}”, {where}: “{value}” is no pair “latitude, longitude” (e.g. 52.1412, 12.5913).',
    badNumber: '“{label}”, {where}: “{value}” is not a number.',
    missingCoordinate: '“{label}”, {where}: the point lacks lat or lon.',
    latitudeRange: '“{label}”, {where}: the latitude {value} is not between -90 and 90.',
    longitudeRange: '“{label}”, {where}: the longitude {value} is not between -180 and 180.',
    doctype: '“{label}”, {where}: GPX files with DOCTYPE or ENTITY declarations are not read, for security.',
    malformed: '“{label}”, {where}: the GPX file is broken here (not valid XML).',
    unclosed: '“{label}”: the GPX file ends before <{value}> from line {line} is closed – is it incomplete?',
    notGpx: '“{label}”: the text starts with “<” but is no GPX file (the <gpx> element is missing).',
    map: 'Map of the track',
    mapHint: 'A click on the map adds a point at the end; the last point can be dragged. With the keyboard: move the map with the arrow keys, then “Add a point at the map’s centre”.',
    noTiles: 'This municipality has no map background set up (mapSettings: tileUrl); the track and points are shown on a plain background.',
    loadFile: 'Load GPX file',
    addCentre: 'Add a point at the map’s centre',
    removeLast: 'Remove the last point',
    summary: '{n} points, {km} km',
    empty: 'No points yet.',
    loaded: '{n} points taken from “{file}”.',
    lastPoint: 'Last point (draggable)',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
  },
});

/** A track problem as a sentence for the person's language, naming the field and where in the text it is. */
export function trackProblemText(problem: TrackProblem, label: string, max: number, lang: Lang): string {
  const t = trackTexts(lang);
  const where = problem.line === undefined ? '' : fillText(problem.point === undefined ? t.atLine : t.atPoint, { line: problem.line, point: problem.point ?? '' });
  return fillText(t[problem.code], { label, where, max: max.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB'), line: problem.line ?? '', value: problem.value ?? '' });
}

import { z } from 'zod';
import type { EditorField, EditorRow, EditorValue, EditorValues } from '../../../core/registry/content-editor.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { sanitizeRichText } from '../../../lib/sanitize.ts';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import { calendarDate } from '../../content-parts/parts.ts';
import { parseTrackText, trackLines } from '../../../lib/track-text.ts';
import { contentTexts } from './content-texts.ts';
import { trackProblemText } from './track-texts.ts';

/** Rows a rows field can carry unless it sets its own `maxRows`. */
export const MAX_ROWS = 50;

/** Points a track field takes unless it sets its own `max`. */
export const MAX_TRACK_POINTS = 20_000;

/**
 * Default length limits per kind; a field may set its own. A track's text stays below the
 * default request body limit (1 MB); larger GPX files go through the map script, which sends
 * only their points.
 */
const MAX: Record<string, number> = { text: 200, textarea: 2000, richtext: 100_000, url: 2000, datetime: 40, date: 20, time: 10, number: 12, select: 100, decimal: 12, track: 900_000 };

export type FieldErrors = Record<string, string>;

/** Choices the form offers, to check that sent values are among them. */
export type FieldChoices = { categories: string[]; images: Set<string> };

const asText = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);
/** "YYYY-MM-DD" from a date input or German "TT.MM.JJJJ" (as the API reads dates); null when it is no calendar day. */
function isoDay(s: string): string | null {
  try {
    return calendarDate(s, 'date') || null;
  } catch {
    return null;
  }
}

const plainText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();

/** One sent value of a field, as the person typed it. */
function rawValue(f: EditorField, v: unknown): EditorValue {
  if (f.kind === 'checkbox') return v === 'on' || v === 'true' || v === true;
  if (f.kind === 'categories' || f.kind === 'choices') return asList(v).slice(0, 100);
  return asText(v).slice(0, (f.maxLength ?? MAX[f.kind] ?? 200) * 2);
}

/** Rows arrive as "<field>.<row>.<column>"; rows left completely empty are dropped. */
function rawRows(f: EditorField, body: Record<string, unknown>): EditorRow[] {
  const rows: EditorRow[] = [];
  for (let i = 0; i < (f.maxRows ?? MAX_ROWS); i++) {
    const row: EditorRow = {};
    for (const col of f.columns ?? []) row[col.name] = rawValue(col, body[`${f.name}.${i}.${col.name}`]) as string | boolean;
    if ((f.columns ?? []).some((col) => col.kind !== 'checkbox' && String(row[col.name] ?? '').trim() !== '')) rows.push(row);
  }
  return rows;
}

/** Reads the sent form into values of the editor's fields, keeping what the person typed for a re-shown form. */
export function rawValues(fields: EditorField[], body: Record<string, unknown>): EditorValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === 'rows' ? rawRows(f, body) : rawValue(f, body[f.name])]));
}

type Checked = { value: EditorValue; error?: string };

/** Checks one value of a field (or of a column of rows) and cleans it. */
function checkValue(f: EditorField, v: EditorValue, label: string, choices: FieldChoices, t: ReturnType<typeof contentTexts>, lang: Lang): Checked {
  if (f.kind === 'checkbox') return { value: v === true };
  if (f.kind === 'categories' || f.kind === 'choices') {
    const list = Array.isArray(v) ? (v as string[]) : [];
    const allowed = f.kind === 'categories' ? choices.categories : (f.options ?? []).map((o) => o.value);
    if (list.some((name) => !allowed.includes(name))) return { value: list, error: fillText(f.kind === 'categories' ? t.unknownCategory : t.unknownOption, { label }) };
    if (f.required && !list.length) return { value: list, error: fillText(t.required, { label }) };
    return { value: list };
  }
  let text = String(v).trim();
  if (f.kind === 'richtext') text = sanitizeRichText(text);
  const fail = (message: string): Checked => ({ value: text, error: fillText(message, { label, max: f.maxLength ?? MAX[f.kind] ?? 200, min: f.min ?? '' }) });
  if (f.required && (f.kind === 'richtext' ? plainText(text) : text) === '') return fail(t.required);
  if (text.length > (f.maxLength ?? MAX[f.kind] ?? 200)) return fail(t.tooLong);
  if (!text) return { value: text };
  switch (f.kind) {
    case 'url':
      return z.url({ protocol: /^https?$/ }).safeParse(text).success ? { value: text } : fail(t.badUrl);
    case 'datetime':
      return parseLenientDateTime(text) ? { value: text } : fail(t.badDate);
    case 'image':
      return choices.images.has(text) ? { value: text } : fail(t.badImage);
    case 'date': {
      const day = isoDay(text);
      return day ? { value: day } : fail(t.badDay);
    }
    case 'time':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(text) ? { value: text } : fail(t.badTime);
    case 'number':
      return /^-?\d+$/.test(text) && Number(text) >= (f.min ?? -1e9) && Number(text) <= (f.max ?? 1e9) ? { value: text } : { value: text, error: fillText(t.badNumber, { label, min: f.min ?? '', max: f.max ?? '' }) };
    case 'decimal':
      return /^\d{1,7}([.,]\d{1,2})?$/.test(text) ? { value: text.replace(',', '.') } : fail(t.badAmount);
    case 'select':
      return (f.options ?? []).some((o) => o.value === text) ? { value: text } : fail(t.unknownOption);
    case 'track': {
      // Whatever was sent (lines or GPX), the value is the points as lines: that is what gets saved and versioned.
      const track = parseTrackText(text, f.max ?? MAX_TRACK_POINTS);
      return track.ok ? { value: trackLines(track.points) } : { value: text, error: trackProblemText(track.problem, label, f.max ?? MAX_TRACK_POINTS, lang) };
    }
    default:
      return { value: text };
  }
}

/**
 * Checks every field, with messages in the person's language; rich text is sanitised here, on
 * the server, whatever the browser sent. Returns the cleaned values or the errors per field
 * (a cell of rows reports as "<field>.<row>.<column>").
 */
export function validateValues(fields: EditorField[], raw: EditorValues, choices: FieldChoices, lang: Lang): { values: EditorValues; errors: FieldErrors } {
  const t = contentTexts(lang);
  const values: EditorValues = {};
  const errors: FieldErrors = {};
  for (const f of fields) {
    if (f.kind !== 'rows') {
      const checked = checkValue(f, raw[f.name] ?? '', f.label[lang], choices, t, lang);
      values[f.name] = checked.value;
      if (checked.error) errors[f.name] = checked.error;
      continue;
    }
    const rows = Array.isArray(raw[f.name]) ? (raw[f.name] as EditorRow[]) : [];
    values[f.name] = rows.map((row, i) => {
      const clean: EditorRow = {};
      for (const col of f.columns ?? []) {
        const checked = checkValue(col, row[col.name] ?? '', fillText(t.cell, { field: f.label[lang], row: i + 1, column: col.label[lang] }), choices, t, lang);
        clean[col.name] = checked.value as string | boolean;
        if (checked.error) errors[`${f.name}.${i}.${col.name}`] = checked.error;
      }
      return clean;
    });
  }
  return { values, errors };
}

import { z } from 'zod';
import type { EditorField, EditorValue, EditorValues } from '../../../core/registry/content-editor.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { sanitizeRichText } from '../../../lib/sanitize.ts';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import { calendarDate } from '../../content-parts/parts.ts';
import { contentTexts } from './content-texts.ts';

/** Default length limits per kind; a field may set its own. */
const MAX: Record<string, number> = { text: 200, textarea: 2000, richtext: 100_000, url: 2000, datetime: 40, date: 20, time: 10, number: 12, select: 100 };

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

/** Reads the sent form into values of the editor's fields, keeping what the person typed for a re-shown form. */
export function rawValues(fields: EditorField[], body: Record<string, unknown>): EditorValues {
  const out: EditorValues = {};
  for (const f of fields) {
    const v = body[f.name];
    out[f.name] = f.kind === 'checkbox' ? v === 'on' || v === 'true' || v === true : f.kind === 'categories' || f.kind === 'choices' ? asList(v).slice(0, 100) : asText(v).slice(0, (f.maxLength ?? MAX[f.kind] ?? 200) * 2);
  }
  return out;
}

/**
 * Checks every field, with messages in the person's language; rich text is sanitised here, on
 * the server, whatever the browser sent. Returns the cleaned values or the errors per field.
 */
export function validateValues(fields: EditorField[], raw: EditorValues, choices: FieldChoices, lang: Lang): { values: EditorValues; errors: FieldErrors } {
  const t = contentTexts(lang);
  const values: EditorValues = {};
  const errors: FieldErrors = {};
  for (const f of fields) {
    const label = f.label[lang];
    const v: EditorValue = raw[f.name] ?? '';
    if (f.kind === 'checkbox') {
      values[f.name] = v === true;
      continue;
    }
    if (f.kind === 'categories' || f.kind === 'choices') {
      const list = Array.isArray(v) ? v : [];
      const allowed = f.kind === 'categories' ? choices.categories : (f.options ?? []).map((o) => o.value);
      if (list.some((name) => !allowed.includes(name))) errors[f.name] = fillText(f.kind === 'categories' ? t.unknownCategory : t.unknownOption, { label });
      else if (f.required && !list.length) errors[f.name] = fillText(t.required, { label });
      values[f.name] = list;
      continue;
    }
    let text = String(v).trim();
    if (f.kind === 'richtext') text = sanitizeRichText(text);
    values[f.name] = text;
    const max = f.maxLength ?? MAX[f.kind] ?? 200;
    if (f.required && (f.kind === 'richtext' ? plainText(text) : text) === '') errors[f.name] = fillText(t.required, { label });
    else if (text.length > max) errors[f.name] = fillText(t.tooLong, { label, max });
    else if (text && f.kind === 'url' && !z.url({ protocol: /^https?$/ }).safeParse(text).success) errors[f.name] = fillText(t.badUrl, { label });
    else if (text && f.kind === 'datetime' && !parseLenientDateTime(text)) errors[f.name] = fillText(t.badDate, { label });
    else if (text && f.kind === 'image' && !choices.images.has(text)) errors[f.name] = fillText(t.badImage, { label });
    else if (text && f.kind === 'date') {
      const day = isoDay(text);
      if (day) values[f.name] = day;
      else errors[f.name] = fillText(t.badDay, { label });
    } else if (text && f.kind === 'time' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(text)) errors[f.name] = fillText(t.badTime, { label });
    else if (text && f.kind === 'number' && !(/^-?\d+$/.test(text) && Number(text) >= (f.min ?? -1e9) && Number(text) <= (f.max ?? 1e9))) errors[f.name] = fillText(t.badNumber, { label, min: f.min ?? '', max: f.max ?? '' });
    else if (text && f.kind === 'select' && !(f.options ?? []).some((o) => o.value === text)) errors[f.name] = fillText(t.unknownOption, { label });
  }
  return { values, errors };
}

import { z } from 'zod';
import type { EditorField, EditorValue, EditorValues } from '../../../core/registry/content-editor.ts';
import type { Lang } from '../../web-app/client/i18n.ts';
import { fillText } from '../../web-app/client/i18n.ts';
import { sanitizeRichText } from '../../../lib/sanitize.ts';
import { parseLenientDateTime } from '../../../lib/lenient-date.ts';
import { contentTexts } from './content-texts.ts';

/** Default length limits per kind; a field may set its own. */
const MAX: Record<string, number> = { text: 200, textarea: 2000, richtext: 100_000, url: 2000, datetime: 40 };

export type FieldErrors = Record<string, string>;

/** Choices the form offers, to check that sent values are among them. */
export type FieldChoices = { categories: string[]; images: Set<string> };

const asText = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) ? String(v[0] ?? '') : '');
const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);
const plainText = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();

/** Reads the sent form into values of the editor's fields, keeping what the person typed for a re-shown form. */
export function rawValues(fields: EditorField[], body: Record<string, unknown>): EditorValues {
  const out: EditorValues = {};
  for (const f of fields) {
    const v = body[f.name];
    out[f.name] = f.kind === 'checkbox' ? v === 'on' || v === 'true' || v === true : f.kind === 'categories' ? asList(v).slice(0, 100) : asText(v).slice(0, (f.maxLength ?? MAX[f.kind] ?? 200) * 2);
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
    if (f.kind === 'categories') {
      const list = Array.isArray(v) ? v : [];
      if (list.some((name) => !choices.categories.includes(name))) errors[f.name] = fillText(t.unknownCategory, { label });
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
  }
  return { values, errors };
}

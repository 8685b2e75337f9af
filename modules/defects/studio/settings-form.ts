import type { FastifyRequest } from 'fastify';
import { fillText } from '../../web-app/client/i18n.ts';
import { DefectSettings } from '../area/defect-settings.ts';
import { AreaShape } from '../area/point-in-area.ts';
import type { DefectsTexts } from './defects-texts.ts';

/** Largest GeoJSON accepted, pasted or uploaded (a detailed municipality boundary is a few hundred kB). */
export const MAX_AREA_BYTES = 2 * 1024 * 1024;

export type SettingsValues = { gebiet: string; plz: string; moderation: boolean };
export type SettingsPost = { csrf: string; values: SettingsValues };

/**
 * Reads the multipart settings form: the fields and, if chosen, the GeoJSON file (which takes the
 * place of the pasted text). Null when the form cannot be read; 'tooLarge' past MAX_AREA_BYTES.
 */
export async function readSettingsPost(req: FastifyRequest): Promise<SettingsPost | 'tooLarge' | null> {
  if (!req.isMultipart()) return null;
  const fields: Record<string, string> = {};
  let file: string | null = null;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'datei' && data.length) file = data.toString('utf8');
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    const e = err as { statusCode?: number; code?: string };
    if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_FIELD_SIZE_LIMIT') return 'tooLarge';
    if (e.statusCode && e.statusCode < 500) return null;
    throw err;
  }
  return { csrf: fields._csrf ?? '', values: { gebiet: (file ?? fields.gebiet ?? '').trim(), plz: fields.plz ?? '', moderation: fields.moderation === 'ja' } };
}

const closed = (ring: number[][]) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1];

/** The area from GeoJSON text (a geometry or a Feature holding one), or a German message. */
function readArea(text: string, t: DefectsTexts): { area: AreaShape | null } | { error: string } {
  if (!text) return { area: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { error: fillText(t.badGeoJson, { reason: (err as Error).message }) };
  }
  const geometry = (raw as { type?: unknown; geometry?: unknown } | null)?.type === 'Feature' ? (raw as { geometry: unknown }).geometry : raw;
  const parsed = AreaShape.safeParse(geometry);
  if (!parsed.success) return { error: t.badArea };
  const polygons = parsed.data.type === 'Polygon' ? [parsed.data.coordinates] : parsed.data.coordinates;
  if (polygons.some((rings) => rings.some((r) => !closed(r)))) return { error: t.ringNotClosed };
  return { area: parsed.data };
}

/** Checks the posted settings: field errors by name, or the settings to save. */
export function readSettings(v: SettingsValues, t: DefectsTexts): { errors: Record<string, string>; settings: DefectSettings | null } {
  const errors: Record<string, string> = {};
  const area = readArea(v.gebiet, t);
  if ('error' in area) errors.gebiet = area.error;
  const postalCodes = [...new Set(v.plz.split(/[\s,;]+/).filter(Boolean))];
  const parsed = DefectSettings.safeParse({ area: 'area' in area ? area.area : null, postalCodes, moderationRequired: v.moderation });
  if (!parsed.success) errors.plz = t.badPostalCodes;
  return Object.keys(errors).length || !parsed.success ? { errors, settings: null } : { errors, settings: parsed.data };
}

export const settingsValues = (s: DefectSettings): SettingsValues => ({ gebiet: s.area ? JSON.stringify(s.area) : '', plz: s.postalCodes.join(', '), moderation: s.moderationRequired });

import { z } from 'zod';
import { badRequest } from '../../../core/errors.ts';
import type { CategoryAttribute } from '../model/category-attributes.ts';
import { REPORT_STATUSES, statusesOfOpen311, type ReportStatus } from '../model/statuses.ts';
import type { NewReportInput } from '../model/report-input.ts';

/** Arguments as they arrive: form fields (a repeated field is a list), query parameters or JSON. */
export type Args = Record<string, string | string[]>;

/** The spec: an optional argument passed empty behaves as if absent. */
const present = (v: string | string[] | undefined) => (v === undefined || v === '' || (Array.isArray(v) && v.every((x) => x === '')) ? undefined : v);

/** One value of a single-valued argument; given twice is an error. */
export function single(args: Args, name: string, max = 1000): string | undefined {
  const v = present(args[name]);
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw badRequest(`${name}: nur einmal angeben.`);
  const s = v.trim();
  if (s.length > max) throw badRequest(`${name}: höchstens ${max} Zeichen.`);
  return s || undefined;
}

/** Form fields, query parameters or a JSON object, as flat arguments (`attribute: {code: v}` becomes `attribute[code]`). */
export function argsOf(body: unknown): Args {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Der Inhalt der Anfrage ist kein Objekt mit Parametern.');
  const out: Args = {};
  const put = (key: string, v: unknown) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) out[key] = v.map(String);
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) put(`${key}[${k}]`, x);
    else out[key] = String(v);
  };
  for (const [k, v] of Object.entries(body)) put(k, v);
  return out;
}

/** `extensions=true` (or 1): the client asks for the FixMyStreet-style extras. */
export const wantsExtensions = (args: Args) => ['true', '1'].includes(single(args, 'extensions', 10)?.toLowerCase() ?? '');

const MAX_SPAN_DAYS = 90;
const DAY = 86_400_000;
export const MAX_REQUESTS = 1000;

/** W3C date-time (with or without time and offset, as Date parses ISO 8601). */
function dateArg(args: Args, name: string): Date | undefined {
  const v = single(args, name, 40);
  if (v === undefined) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw badRequest(`${name}: kein Datum im Format W3C/ISO 8601 (z. B. 2026-05-01T00:00:00+02:00).`);
  return d;
}

const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * start_date/end_date: at most 90 days apart (else 400); one given → 90 days from or up to it;
 * none → the last 90 days.
 */
export function dateWindow(args: Args, now = new Date()): { from: Date; to: Date } {
  const from = dateArg(args, 'start_date');
  const to = dateArg(args, 'end_date');
  if (from && to) {
    if (to < from) throw badRequest('end_date liegt vor start_date.');
    if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) throw badRequest(`Zwischen start_date und end_date liegen höchstens ${MAX_SPAN_DAYS} Tage.`);
    return { from, to };
  }
  if (from) return { from, to: new Date(from.getTime() + MAX_SPAN_DAYS * DAY) };
  if (to) return { from: new Date(to.getTime() - MAX_SPAN_DAYS * DAY), to };
  return { from: new Date(now.getTime() - MAX_SPAN_DAYS * DAY), to: now };
}

export type RequestsQuery = { ids?: number[]; codes?: string[]; statuses?: readonly ReportStatus[]; from?: Date; to?: Date };

/**
 * GET requests' filters. `service_request_id` (comma list) decides alone; otherwise codes,
 * statuses (open/closed, with extensions also the detailed ones) and the date window.
 */
export function requestsQuery(args: Args, extended: boolean, now = new Date()): RequestsQuery {
  const idText = single(args, 'service_request_id', 20_000);
  if (idText !== undefined) {
    const ids = list(idText);
    if (!ids.length || ids.some((id) => !/^\d{1,10}$/.test(id) || Number(id) > 2_147_483_647)) throw badRequest('service_request_id: durch Kommas getrennte Nummern.');
    if (ids.length > MAX_REQUESTS) throw badRequest(`service_request_id: höchstens ${MAX_REQUESTS} Nummern.`);
    return { ids: [...new Set(ids.map(Number))] };
  }
  const codes = list(single(args, 'service_code', 2000));
  let statuses: ReportStatus[] | undefined;
  const statusText = single(args, 'status', 200);
  if (statusText !== undefined) {
    statuses = [];
    for (const s of list(statusText)) {
      if (s === 'open' || s === 'closed') statuses.push(...statusesOfOpen311(s));
      else if (extended && (REPORT_STATUSES as readonly string[]).includes(s)) statuses.push(s as ReportStatus);
      else throw badRequest(`status: „${s}“ gibt es nicht; erlaubt sind open und closed${extended ? ` sowie ${REPORT_STATUSES.join(', ')}` : ''}.`);
    }
  }
  const { from, to } = dateWindow(args, now);
  return { codes: codes.length ? codes : undefined, statuses, from, to };
}

/** The report a POST describes, in the shape every channel uses (checked again by NewReport). */
export function postedReport(args: Args, category: { code: string; attributes: CategoryAttribute[] }): NewReportInput {
  const lat = single(args, 'lat', 40);
  const long = single(args, 'long', 40);
  const addressString = single(args, 'address_string', 300);
  const addressId = single(args, 'address_id', 40);
  let location: NewReportInput['location'];
  if (lat !== undefined || long !== undefined) {
    const [y, x] = [Number(lat), Number(long)];
    if (lat === undefined || long === undefined || !Number.isFinite(y) || !Number.isFinite(x)) throw badRequest('lat und long: beide als Dezimalzahlen angeben (WGS 84).');
    location = { lat: y, lng: x, address: addressString ?? '' };
  } else if (addressId !== undefined) location = { addressId };
  else if (addressString !== undefined) location = { addressString };
  else throw badRequest('Ort fehlt: lat und long, address_string oder address_id angeben.');

  const name = [single(args, 'first_name', 100), single(args, 'last_name', 100)].filter(Boolean).join(' ');
  const email = single(args, 'email', 254) ?? '';
  const phone = single(args, 'phone', 40) ?? '';
  const mediaUrl = single(args, 'media_url', 2000);
  if (mediaUrl !== undefined && !z.string().url().regex(/^https?:\/\//).safeParse(mediaUrl).success) throw badRequest('media_url: keine gültige http(s)-Adresse.');
  return {
    categoryCode: category.code,
    description: single(args, 'description', 20_000) ?? '',
    location,
    contact: { name, email, phone },
    // The client app collected these for this report and hands them in on purpose.
    consent: Boolean(name || email || phone),
    deviceId: single(args, 'device_id', 200) ?? '',
    accountId: single(args, 'account_id', 200) ?? '',
    attributes: attributesOf(args, category.attributes),
  };
}

/** `attribute[code]=v` and `attribute[code][]=v`, checked against the service definition; unknown codes are ignored. */
function attributesOf(args: Args, defs: CategoryAttribute[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const def of defs.filter((d) => d.variable)) {
    const raw = present(args[`attribute[${def.code}]`]) ?? present(args[`attribute[${def.code}][]`]);
    const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    const name = `attribute[${def.code}]`;
    if (!values.length) {
      if (def.required) throw badRequest(`${name} fehlt: ${def.description}`);
      continue;
    }
    const keys = def.values.map((v) => v.key);
    if (values.some((v) => v.length > 1000)) throw badRequest(`${name}: höchstens 1000 Zeichen.`);
    if (def.datatype === 'multivaluelist') {
      if (values.some((v) => !keys.includes(v))) throw badRequest(`${name}: erlaubt sind ${keys.join(', ')}.`);
      out[def.code] = values;
      continue;
    }
    if (values.length > 1) throw badRequest(`${name}: nur ein Wert.`);
    const v = values[0]!;
    if (def.datatype === 'singlevaluelist' && !keys.includes(v)) throw badRequest(`${name}: erlaubt sind ${keys.join(', ')}.`);
    if (def.datatype === 'number' && !Number.isFinite(Number(v))) throw badRequest(`${name}: eine Zahl angeben.`);
    if (def.datatype === 'datetime' && Number.isNaN(new Date(v).getTime())) throw badRequest(`${name}: ein Datum angeben.`);
    out[def.code] = v;
  }
  return out;
}

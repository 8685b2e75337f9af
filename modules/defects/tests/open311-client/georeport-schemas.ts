import { z } from 'zod';

/**
 * The GeoReport v2 shapes as the spec text describes them (open311.github.io GeoReport/v2,
 * summarised in standards.md §2.1), independent of the server's code. XML values arrive as text,
 * JSON values typed: each field accepts both and yields one type.
 */
const bool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
const num = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number());
/** Present (a missing field fails), possibly empty; JSON numbers read as their text. */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string());
/** W3C date-time with a timezone (Z or ±HH:MM). */
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const dateTime = z.string().regex(W3C, 'W3C date-time with timezone');
/** Present; XML's empty element and JSON's null both mean no date. */
const optionalDateTime = z.preprocess((v) => (v === '' ? null : v), z.string().regex(W3C).nullable());
/** A list element: XML gives one object or an array, or '' when empty; JSON an array. */
const list = <T extends z.ZodTypeAny>(item: T) => z.preprocess((v) => (v === '' ? [] : v !== undefined && !Array.isArray(v) ? [v] : v), z.array(item));

export const Service = z.object({
  service_code: text.pipe(z.string().min(1)),
  service_name: text,
  description: text,
  metadata: bool,
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: text,
  group: text,
});

export const Attribute = z.object({
  variable: bool,
  code: text.pipe(z.string().min(1)),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: bool,
  datatype_description: text,
  order: num,
  description: text,
  values: list(z.object({ key: text, name: text })),
});

export const ServiceDefinition = z.object({ service_code: text, attributes: list(Attribute) });

/** POST answer: service_request_id XOR token. */
export const PostAnswer = z
  .object({ service_request_id: text.optional(), token: text.optional(), service_notice: text, account_id: text })
  .refine((a) => Boolean(a.service_request_id) !== Boolean(a.token), 'service_request_id XOR token');

export const ServiceRequest = z.object({
  service_request_id: text.pipe(z.string().min(1)),
  status: z.enum(['open', 'closed']),
  status_notes: text,
  service_name: text,
  service_code: text,
  description: text,
  agency_responsible: text,
  service_notice: text,
  requested_datetime: dateTime,
  updated_datetime: optionalDateTime,
  expected_datetime: optionalDateTime,
  address: text,
  address_id: text,
  zipcode: text,
  lat: num,
  long: num,
  media_url: text,
});

export const TokenAnswer = z.object({ service_request_id: text, token: text });

export const ErrorEntry = z.object({ code: text.pipe(z.string().min(1)), description: text.pipe(z.string().min(1)) });

export const Discovery = z.object({
  changeset: dateTime,
  contact: text,
  key_service: text,
  endpoints: list(z.object({ specification: text, url: text, changeset: dateTime, type: text, formats: list(text) })),
});

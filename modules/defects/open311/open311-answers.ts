import type { FastifyReply } from 'fastify';
import type { ZodError } from 'zod';
import type { AppError } from '../../../core/errors.ts';
import { jsonText, xmlDocument, xmlList, xmlRecord, type XmlValue } from './open311-xml.ts';

// How Open311 answers are written: JSON or XML by the address's suffix, errors in the spec's shape.

export type Format = 'json' | 'xml';
/** A list answer (`<root><item>…`, a JSON array) or one record (`<root>…`, a JSON object). */
export type Answer = { root: string; item: string; items: XmlValue[]; status?: number } | { root: string; record: { [k: string]: XmlValue } };

export const TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** The answer's status and body in the format asked for. */
export function render(format: Format, a: Answer): { status: number; body: string } {
  if ('items' in a) return { status: a.status ?? 200, body: format === 'json' ? jsonText(xmlList(a.item, a.items)) : xmlDocument(a.root, a.item, a.items) };
  return { status: 200, body: format === 'json' ? jsonText(a.record) : xmlRecord(a.root, a.record) };
}

export function send(reply: FastifyReply, format: Format, a: Answer) {
  const { status, body } = render(format, a);
  return reply.code(status).type(TYPES[format]).send(body);
}

/** The format an error is answered in: the one the address asked for, XML (the mandatory one) otherwise. */
export const formatOfUrl = (url: string): Format => (/\.json$/i.test(url.split('?')[0]!) ? 'json' : 'xml');

/** The spec's error answer: 404 unknown resource, 403 API key, 400 everything else; an array of {code, description}. */
export function sendError(reply: FastifyReply, format: Format, status: number, descriptions: string[]) {
  return send(reply, format, { root: 'errors', item: 'error', items: descriptions.map((description) => ({ code: status, description })), status });
}

export const open311Status = (e: AppError) => (e.code === 'NOT_FOUND' ? 404 : e.code === 'FORBIDDEN' || e.code === 'UNAUTHENTICATED' ? 403 : 400);

/** NewReport's field paths, named as the POST's arguments. */
const ARG_OF: Record<string, string> = { description: 'description', 'contact.email': 'email', 'contact.phone': 'phone', 'contact.name': 'first_name/last_name', deviceId: 'device_id', accountId: 'account_id', location: 'lat/long, address_string oder address_id' };
export const zodDescriptions = (e: ZodError) => e.issues.map((i) => `${ARG_OF[i.path.join('.')] ?? ARG_OF[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`);

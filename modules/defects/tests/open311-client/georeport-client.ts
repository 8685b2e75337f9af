import { XMLParser } from 'fast-xml-parser';
import type { z } from 'zod';
import { Discovery, ErrorEntry, PostAnswer, Service, ServiceDefinition, ServiceRequest, TokenAnswer } from './georeport-schemas.ts';

export type Format = 'json' | 'xml';
/** One HTTP exchange (fastify.inject or fetch underneath). */
export type Transport = (req: { method: 'GET' | 'POST'; url: string; body?: string; contentType?: string }) => Promise<{ status: number; contentType: string; body: string }>;
export type Params = Record<string, string | string[] | undefined>;

/** A GeoReport v2 answer, parsed and checked against the spec's shape; errors keep their HTTP status. */
export type Answer<T> = { status: number; ok: true; data: T; raw: unknown } | { status: number; ok: false; errors: z.infer<typeof ErrorEntry>[]; raw: unknown };

/** The element names of repeated children in the spec's XML (the JSON arrays). */
const LIST_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  // The server's extensions (FixMyStreet style), named in its discovery document.
  media_urls: 'media_url',
  updates: 'update',
  extensions: 'extension',
  service_request_updates: 'request_update',
};
const PAIRS = Object.entries(LIST_ITEMS).map(([list, item]) => `${list}.${item}`);
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, isArray: (_name, jpath) => PAIRS.some((p) => String(jpath).endsWith(p)) });

/** Query or form encoding, lists as repeated fields (`attribute[code][]=a&attribute[code][]=b`). */
export function encode(params: Params): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const x of Array.isArray(v) ? v : [v]) out.append(k, x);
  }
  return out.toString();
}

/**
 * A client of a GeoReport v2 endpoint, written from the spec: format by suffix, collections as
 * JSON arrays or `<root><item>` XML, errors as an array of {code, description} with 400/403/404.
 */
export class GeoReportClient {
  constructor(
    private readonly send: Transport,
    readonly base: string,
    readonly format: Format,
  ) {}

  /** The body as the JS value a JSON client would see: the XML root's list unwrapped. */
  private decode(body: string, contentType: string): unknown {
    if (this.format === 'json') {
      if (!/application\/json/.test(contentType)) throw new Error(`expected JSON, got ${contentType}`);
      return JSON.parse(body);
    }
    if (!/(text|application)\/xml/.test(contentType)) throw new Error(`expected XML, got ${contentType}`);
    if (!body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('XML without UTF-8 declaration');
    const doc = xml.parse(body) as Record<string, unknown>;
    const [root, content] = Object.entries(doc).find(([k]) => k !== '?xml')!;
    const item = LIST_ITEMS[root];
    return unwrapLists(item ? { [root]: content } : content, item ? root : undefined);
  }

  private async call<T>(method: 'GET' | 'POST', path: string, params: Params, schema: z.ZodType<T>, body?: { json: unknown }): Promise<Answer<T>> {
    const url = `${this.base}/${path}.${this.format}`;
    const res =
      method === 'GET'
        ? await this.send({ method, url: Object.keys(params).length ? `${url}?${encode(params)}` : url })
        : body
          ? await this.send({ method, url, body: JSON.stringify(body.json), contentType: 'application/json' })
          : await this.send({ method, url, body: encode(params), contentType: 'application/x-www-form-urlencoded' });
    const raw = this.decode(res.body, res.contentType);
    if (res.status >= 400) {
      if (!Array.isArray(raw)) throw new Error(`error body is not an array: ${res.body}`);
      return { status: res.status, ok: false, errors: raw.map((e) => ErrorEntry.parse(e)), raw };
    }
    return { status: res.status, ok: true, data: schema.parse(raw), raw };
  }

  discovery() {
    return this.call('GET', 'discovery', {}, Discovery);
  }
  services(params: Params = {}) {
    return this.call('GET', 'services', params, Service.array());
  }
  definition(code: string, params: Params = {}) {
    return this.call('GET', `services/${encodeURIComponent(code)}`, params, ServiceDefinition);
  }
  /** POST requests; `json` sends the same arguments as a JSON body instead of a form. */
  post(params: Params, opts: { json?: unknown } = {}) {
    return this.call('POST', 'requests', params, PostAnswer.array().length(1), opts.json === undefined ? undefined : { json: opts.json });
  }
  requests(params: Params = {}) {
    return this.call('GET', 'requests', params, ServiceRequest.passthrough().array());
  }
  request(id: string, params: Params = {}) {
    return this.call('GET', `requests/${encodeURIComponent(id)}`, params, ServiceRequest.passthrough().array().length(1));
  }
  token(token: string) {
    return this.call('GET', `tokens/${encodeURIComponent(token)}`, {}, TokenAnswer.array().min(1));
  }
}

/** `<formats><format>a</format></formats>` → ['a'] as in JSON; `root`: return that list itself. */
function unwrapLists(v: unknown, root?: string): unknown {
  if (root) return (unwrapLists(v) as Record<string, unknown>)[root];
  if (Array.isArray(v)) return v.map((x) => unwrapLists(x));
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => {
      const item = LIST_ITEMS[k];
      if (item) return [k, x === '' ? [] : unwrapLists((x as Record<string, unknown>)[item] ?? [])];
      return [k, unwrapLists(x)];
    }),
  );
}

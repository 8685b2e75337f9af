import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BB, type TestPlatform } from '../../../test/harness.ts';
import { SERVICES_API, type JsonSchema, type OpenApiDocument } from '../rest/openapi.ts';
import { platformWithApiCatalogs } from './api-catalog.ts';

/** Full GET paths of a Fastify route tree (printRoutes with commonPrefix off: each line a segment, 4 characters per level). */
function routerGetPaths(tree: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1]!.length / 4;
    stack.push(m[2]!);
    if (m[3]?.split(', ').includes('GET')) out.push(stack.join(''));
  }
  return out;
}

/** The parts of JSON Schema the description uses: type (with null), required, properties, items, enum, pattern, $ref. */
function problems(value: unknown, schema: JsonSchema, doc: OpenApiDocument, at = '$'): string[] {
  if (schema.$ref) return problems(value, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]!, doc, at);
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  const actual = typeOf(value);
  if (types.length && !types.includes(actual as never) && !(actual === 'integer' && types.includes('number'))) return [`${at}: ${actual}, documented ${types.join('|')}`];
  const out: string[] = [];
  if (schema.enum && !schema.enum.includes(value as string)) out.push(`${at}: ${JSON.stringify(value)} not in ${schema.enum.join(', ')}`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) out.push(`${at}: "${value}" does not match ${schema.pattern}`);
  if (actual === 'object' && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) out.push(`${at}.${key}: required, missing`);
    for (const key of Object.keys(obj)) if (!schema.properties[key]) out.push(`${at}.${key}: not documented`);
    for (const [key, sub] of Object.entries(schema.properties)) if (key in obj) out.push(...problems(obj[key], sub, doc, `${at}.${key}`));
  }
  if (actual === 'array' && schema.items) (value as unknown[]).forEach((v, i) => out.push(...problems(v, schema.items!, doc, `${at}[${i}]`)));
  return out;
}

describe('the OpenAPI description of /api/v1/services', () => {
  let p: TestPlatform;
  let doc: OpenApiDocument;
  const ids: Record<string, string> = {};
  const get = (url: string) => p.http.inject({ method: 'GET', url, headers: { host: BB } });

  before(async () => {
    const loaded = await platformWithApiCatalogs();
    p = loaded.p;
    const bb = loaded.bb;
    ids.service = await loaded.idOf('perso');
    ids.authority = await loaded.idOf('buergeramt', 'ozg_authorities');
    ids.familie = await loaded.idOf('familie', 'ozg_categories');
    await bb.insertInto('ozg_source_status').values({ source: 'zufi', last_attempt_at: new Date(), last_success_at: new Date() }).execute();
    const res = await get(`${SERVICES_API}/openapi.json`);
    assert.equal(res.statusCode, 200);
    doc = res.json();
  });
  after(() => p.close());

  it('is OpenAPI 3.1 for this municipality, and every $ref resolves', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.servers[0]!.url, 'http://bad-belzig.localhost');
    const refs = JSON.stringify(doc).match(/"#\/components\/schemas\/[^"]+"/g) ?? [];
    assert.ok(refs.length > 10);
    for (const ref of refs) assert.ok(doc.components.schemas[ref.slice(22, -1)], `${ref} is not defined`);
    const ops = Object.values(doc.paths).map((p) => p.get.operationId);
    assert.equal(new Set(ops).size, ops.length, 'operation ids are unique');
  });

  it('describes every route of the router under /api/v1/services, and no other', () => {
    const routed = routerGetPaths(p.http.printRoutes({ commonPrefix: false }))
      .filter((path) => path === SERVICES_API || path.startsWith(`${SERVICES_API}/`))
      .map((path) => path.replace(/:(\w+)/g, '{$1}'));
    assert.ok(routed.length >= 9, routed.join(', '));
    assert.deepEqual(new Set(routed), new Set(Object.keys(doc.paths)));
  });

  it('matches what the real routes answer, successes and errors', async () => {
    const samples: Record<string, string[]> = {
      [SERVICES_API]: ['', '?q=Perso&limit=2', '?q=bescheinigung', '?lifeSituation=' + ids.familie],
      [`${SERVICES_API}/suggestions`]: ['?q=Fahrerl', '?q=Perso'],
      [`${SERVICES_API}/life-situations`]: ['', `?parent=${ids.familie}`],
      [`${SERVICES_API}/authorities`]: ['', '?q=Buergeramt'],
      [`${SERVICES_API}/authorities/{id}`]: [ids.authority!],
      [`${SERVICES_API}/status`]: [''],
      [`${SERVICES_API}/leika/{key}`]: ['99010004001000', '99010004001000?area=12'],
      [`${SERVICES_API}/{id}`]: [ids.service!, `${ids.service}?area=12069017`],
      [`${SERVICES_API}/openapi.json`]: [''],
    };
    const errorSamples: Record<string, string> = {
      [SERVICES_API]: '?limit=x',
      [`${SERVICES_API}/{id}`]: '999999',
      [`${SERVICES_API}/leika/{key}`]: '1',
      [`${SERVICES_API}/authorities/{id}`]: 'x',
    };
    assert.deepEqual(new Set(Object.keys(samples)), new Set(Object.keys(doc.paths)), 'a sample for every documented path');
    const urlOf = (path: string, sample: string) => (path.includes('{') ? path.replace(/\{\w+\}/, sample.split('?')[0]!) + (sample.includes('?') ? `?${sample.split('?')[1]}` : '') : path + sample);
    for (const [path, list] of Object.entries(samples)) {
      for (const sample of list) {
        const res = await get(urlOf(path, sample));
        assert.equal(res.statusCode, 200, `${urlOf(path, sample)}: ${res.body}`);
        const schema = doc.paths[path]!.get.responses['200']!.content!['application/json'].schema;
        assert.deepEqual(problems(res.json(), schema, doc), [], urlOf(path, sample));
      }
    }
    for (const [path, sample] of Object.entries(errorSamples)) {
      const res = await get(urlOf(path, sample));
      const documented = doc.paths[path]!.get.responses[String(res.statusCode)];
      assert.ok(documented, `${urlOf(path, sample)} answered ${res.statusCode}, which is not documented`);
      assert.deepEqual(problems(res.json(), documented.content!['application/json'].schema, doc), [], urlOf(path, sample));
    }
  });

  it('checks the responses for real: an undocumented or missing field is found', () => {
    const schema: JsonSchema = { $ref: '#/components/schemas/Suggestion' };
    assert.deepEqual(problems({ id: '1', name: 'A', matchedSynonym: null }, schema, doc), []);
    assert.deepEqual(problems({ id: '1', name: 'A', extra: 1 }, schema, doc), ['$.matchedSynonym: required, missing', '$.extra: not documented']);
    assert.deepEqual(problems({ id: 1, name: 'A', matchedSynonym: null }, schema, doc), ['$.id: integer, documented string']);
  });
});

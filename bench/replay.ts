import { httpRequest, type HttpResponse } from './http.ts';
import { headersFor, type Scenario } from './scenario.ts';

/**
 * Sends each request of a scenario once and checks the answers (2xx, no GraphQL "errors"), so a
 * benchmark never measures error responses. Returns the responses in request order.
 */
export async function replayOnce(url: string, scenario: Scenario): Promise<HttpResponse[]> {
  const out: HttpResponse[] = [];
  for (const r of scenario.requests) {
    const res = await httpRequest(url + r.path, { method: r.method, headers: headersFor(scenario, r), body: r.body });
    const problem =
      res.status < 200 || res.status > 299
        ? `status ${res.status}`
        : res.contentType.includes('json') && (JSON.parse(res.body) as { errors?: unknown }).errors
          ? 'GraphQL errors'
          : undefined;
    if (problem) throw new Error(`${scenario.name} / ${r.label}: ${problem}: ${res.body.slice(0, 500)}`);
    out.push(res);
  }
  return out;
}

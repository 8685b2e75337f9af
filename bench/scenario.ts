/**
 * A load scenario: what a client sends, independent of which server receives it. Plain data,
 * so it can be handed to the load-generator process and replayed against any target (the real
 * server or the baseline). New scenarios (large tenant, event lists, search …) are new files
 * that export a function returning one of these.
 */
export type ScenarioRequest = {
  /** Short label for logs and reports, e.g. the GraphQL operation name. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  /** Extra headers for this request only. */
  headers?: Record<string, string>;
  body?: string;
};

export type Scenario = {
  name: string;
  /** Host header every request carries (selects the municipality). */
  host: string;
  /** Headers every request carries (authorization …). */
  headers: Record<string, string>;
  /** Sent in rotation on each connection. */
  requests: ScenarioRequest[];
  /**
   * Every request sent differs from every other, so a response cache never answers: all
   * connections share one rotation through `requests`, and each GraphQL body gets a unique extra
   * variable `benchNonce` (part of the server's cache key; GraphQL ignores variables an
   * operation does not declare). For measuring what a cache miss costs.
   */
  unique?: boolean;
};

/** A GraphQL POST as a real client sends it: a named operation, its variables, JSON. */
export function graphqlRequest(operationName: string, query: string, variables?: Record<string, unknown>): ScenarioRequest {
  return {
    label: operationName,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operationName, query, variables: variables ?? {} }),
  };
}

/** The headers one request of the scenario is sent with. */
export function headersFor(scenario: Scenario, request: ScenarioRequest): Record<string, string> {
  return { ...scenario.headers, ...request.headers, host: scenario.host };
}

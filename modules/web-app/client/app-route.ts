import type { FunctionComponent } from 'preact';

/** Path parameters of a matched route, already URI-decoded. */
export type RouteParams = Record<string, string>;

/** What a screen component receives: the data its server loader produced for this URL. */
export type ViewProps<D = unknown> = { data: D; params: RouteParams; search: string };

export type ViewModule = { default: FunctionComponent<ViewProps<any>> };

/**
 * One screen of the citizen app. `path` uses `:name` segments; `view` is imported lazily so each
 * screen is its own chunk. The module name hides the route when the tenant switched it off.
 */
export type AppRoute = { name: string; path: string; module: string; view: () => Promise<ViewModule> };

/** What the server sends for one URL, inlined in the first HTML and fetched as JSON afterwards. */
export type PagePayload = {
  route: string;
  params: RouteParams;
  search: string;
  title: string;
  status: 200 | 404;
  data: unknown;
};

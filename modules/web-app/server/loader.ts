import type { Tenant } from '../../../core/tenancy/tenant.ts';
import type { RouteParams } from '../client/app-route.ts';
import type { Lang } from '../client/i18n.ts';
import type { Gql } from './in-process-graphql.ts';
import type { Api } from './in-process-api.ts';
import type { TenantSettings } from './tenant-settings.ts';

export type LoaderContext = {
  gql: Gql;
  /** GET of the tenant's public REST routes in process (JSON), for modules without GraphQL reads. */
  api: Api;
  tenant: Tenant;
  settings: TenantSettings;
  params: RouteParams;
  query: URLSearchParams;
  lang: Lang;
  /** The page's origin as the browser sees it ("https://bad-belzig.example"), for absolute URLs in the page. */
  origin: string;
  /** Unsaved configuration files by lower-case name, used instead of the stored ones (the studio's preview). */
  overrides?: Record<string, unknown>;
};

/** A screen's server-side data: its page title and what its view renders; null means "not found". */
export type Loaded = { title: string; data: unknown } | null;

export type Loader = (ctx: LoaderContext) => Promise<Loaded>;

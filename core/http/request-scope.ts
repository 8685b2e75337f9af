import type { Kysely } from 'kysely';
import type { Tenant } from '../tenancy/tenant.ts';
import type { Principal } from '../auth/principal.ts';

/** What every request knows once the core has looked at it: its tenant, caller and database. */
export type RequestScope = {
  tenant: Tenant;
  principal: Principal;
  /** Confined to the tenant's rows by row-level security. */
  db: Kysely<any>;
  /** Scheme and host the client used, to turn stored relative media paths into URLs. */
  origin: string;
  /** The client's address (from X-Forwarded-For only with TRUST_PROXY), for the audit log. */
  ip: string;
};

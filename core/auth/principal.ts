import { AppError, forbidden, unauthenticated } from '../errors.ts';

export const ROLES = ['admin', 'editor', 'data_provider', 'moderator', 'read_only', 'app'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling. A presented but unusable token is remembered so that writes can say why. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'rejected'; reason: string }
  | {
      kind: 'account';
      accountId: number;
      /** 0 for a studio session; otherwise the OAuth application whose token was presented. */
      applicationId: number;
      /** How the audit log names the caller: the account's e-mail or the application's name (absent for seeds). */
      actor?: string;
      role: Role;
      platformAdmin: boolean;
      dataProviderId: number | null;
    };

export type AccountPrincipal = Extract<Principal, { kind: 'account' }>;

/** Role names in the order of the mainserver reference (§5): who may do what. */
const writers: ReadonlySet<Role> = new Set(['admin', 'editor', 'data_provider']);
const configurers: ReadonlySet<Role> = new Set(['admin', 'editor']);

/** Any caller with a valid token or session of this tenant (e.g. the app's own token). */
export function requireAccount(p: Principal): AccountPrincipal {
  if (p.kind === 'account') return p;
  if (p.kind === 'rejected') throw new AppError('UNAUTHENTICATED', p.reason);
  throw unauthenticated('This action needs an access token (POST /oauth/token).');
}

/** Content writes: admins, editors and data providers (importers); never read-only or app tokens. */
export function requireContentWriter(p: Principal): AccountPrincipal {
  const a = requireAccount(p);
  if (!a.platformAdmin && !writers.has(a.role)) throw forbidden();
  return a;
}

/** Configuration (static content, categories maintenance): admins and editors. */
export function requireConfigurer(p: Principal): AccountPrincipal {
  const a = requireAccount(p);
  if (!a.platformAdmin && !configurers.has(a.role)) throw forbidden();
  return a;
}

/**
 * What a caller sees in lists: everyone sees published, visible content; admins and editors
 * see everything; a data provider also sees its own unpublished records. A read-only account's
 * studio session (applicationId 0) sees everything too, as the studio shows it every record
 * (forms disabled, app preview); read-only tokens keep the mainserver's rule (visible only).
 */
export type Visibility = { all: true } | { all: false; ownDataProviderId: number | null };

export function visibilityOf(p: Principal): Visibility {
  if (p.kind !== 'account') return { all: false, ownDataProviderId: null };
  if (p.platformAdmin || configurers.has(p.role)) return { all: true };
  if (p.role === 'read_only' && p.applicationId === 0) return { all: true };
  return { all: false, ownDataProviderId: p.role === 'data_provider' ? p.dataProviderId : null };
}

/** May this caller change or delete a record owned by `dataProviderId`? */
export function canModifyRecord(p: AccountPrincipal, dataProviderId: number | null): boolean {
  if (p.platformAdmin || configurers.has(p.role)) return true;
  return p.role === 'data_provider' && p.dataProviderId !== null && p.dataProviderId === dataProviderId;
}

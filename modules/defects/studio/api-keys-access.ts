import type { AccountPrincipal } from '../../../core/auth/principal.ts';

/** Open311 keys let outside apps file reports in the municipality's name: admins only issue and revoke them. */
export const canManageApiKeys = (p: AccountPrincipal) => p.platformAdmin || p.role === 'admin';

import type { AccountPrincipal } from '../../../core/auth/principal.ts';

/**
 * Who may do what with push messages in the studio. A push reaches every citizen at once, so it
 * is the municipality's own voice: admins and editors send and cancel, read-only accounts look at
 * the log, authors (a data provider's staff) and moderators have no access.
 */
export const canSendPush = (p: AccountPrincipal) => p.platformAdmin || p.role === 'admin' || p.role === 'editor';
export const canViewPush = (p: AccountPrincipal) => canSendPush(p) || p.role === 'read_only';

import type { AccountPrincipal } from '../../../core/auth/principal.ts';

/**
 * Who may do what with defect reports in the studio, as with the administrative services: admins
 * and editors work the inbox (moderate, assign, answer, merge, export with contact data); read-only
 * accounts look, without the reporters' contact data; only admins change categories and the
 * municipality's area. Authors (a data provider's staff) and moderators have no access.
 */
export const canConfigureDefects = (p: AccountPrincipal) => p.platformAdmin || p.role === 'admin';
export const canWorkDefects = (p: AccountPrincipal) => canConfigureDefects(p) || p.role === 'editor';
export const canViewDefects = (p: AccountPrincipal) => canWorkDefects(p) || p.role === 'read_only';
/** Contact data is personal data: only those who answer reporters see it. */
export const canSeeContact = canWorkDefects;

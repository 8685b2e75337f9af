import type { AccountPrincipal } from '../../../core/auth/principal.ts';

/**
 * Who may do what with the administrative services in the studio. The directory is the
 * municipality's own voice, like its content: admins and editors hide, pin and order services,
 * keep the local (manual) ones and start a sync; read-only accounts look. Only admins set the
 * provider's address and credentials and import files (an import replaces a whole source). Authors (a data provider's staff) and moderators have no
 * access.
 */
export const canConfigureServices = (p: AccountPrincipal) => p.platformAdmin || p.role === 'admin';
export const canEditServices = (p: AccountPrincipal) => canConfigureServices(p) || p.role === 'editor';
export const canViewServices = (p: AccountPrincipal) => canEditServices(p) || p.role === 'read_only';

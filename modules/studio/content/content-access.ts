import type { AccountPrincipal } from '../../../core/auth/principal.ts';
import { canModifyRecord } from '../../../core/auth/principal.ts';

/**
 * Who may do what with content in the studio. The same rules as the API's (canModifyRecord),
 * plus: moderators handle citizen submissions, not content; read-only accounts only look.
 */
export const canViewContent = (p: AccountPrincipal) => p.platformAdmin || ['admin', 'editor', 'data_provider', 'read_only'].includes(p.role);
export const canWriteContent = (p: AccountPrincipal) => p.platformAdmin || ['admin', 'editor', 'data_provider'].includes(p.role);
export const canEditRecord = (p: AccountPrincipal, dataProviderId: number | null) => canWriteContent(p) && canModifyRecord(p, dataProviderId);

/** Authors see only their own data provider's records; everyone else sees all (undefined = no filter). */
export const ownProviderFilter = (p: AccountPrincipal): number | null | undefined => (!p.platformAdmin && p.role === 'data_provider' ? p.dataProviderId : undefined);

/** Admins and editors choose the data provider of a new record; an author's records are always their own. */
export const mayChooseProvider = (p: AccountPrincipal) => p.platformAdmin || p.role === 'admin' || p.role === 'editor';

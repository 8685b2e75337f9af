import { forbidden, validationError } from '../../core/errors.ts';
import type { AccountPrincipal } from '../../core/auth/principal.ts';
import type { CreateGenericItemArgs } from './generic-item-input.ts';

/**
 * What the Smart Village app files for citizens with its own token (the mainserver lets the app's
 * account create any item): defect reports and noticeboard entries. Here an app token may create
 * only those — new items, no children — and a defect report stays out of public lists, as it may
 * hold the reporter's contact; the defects inbox files it and decides what the public sees.
 */
const CITIZEN_TYPES = new Set(['DefectReport', 'Noticeboard']);
const HIDDEN_TYPES = new Set(['DefectReport']);

/** The app's request as it may be carried out, or a refusal. */
export function citizenSubmission(caller: AccountPrincipal, args: CreateGenericItemArgs): { args: CreateGenericItemArgs; hidden: boolean } {
  const type = args.genericType?.trim() ?? '';
  if (caller.role !== 'app' || !CITIZEN_TYPES.has(type)) throw forbidden();
  if (args.id !== undefined && args.id !== null) throw forbidden();
  if (args.genericItems?.length) throw validationError('Invalid input: an app may not send child items.');
  // Each citizen's submission is new: two reports with the same title must not be taken for one import.
  return { args: { ...args, forceCreate: true }, hidden: HIDDEN_TYPES.has(type) };
}

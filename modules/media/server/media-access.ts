import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie } from '../../../core/auth/cookies.ts';
import { SESSION_COOKIE, type SessionInfo, type SessionStore } from '../../../core/auth/sessions.ts';
import type { Role } from '../../../core/auth/principal.ts';
import type { MediaFile } from '../media-library.ts';

const uploaders: ReadonlySet<Role> = new Set(['admin', 'editor', 'data_provider']);

/** Admins, editors and authors upload; moderators and read-only staff only look. */
export const mayUpload = (s: SessionInfo) => s.principal.platformAdmin || uploaders.has(s.principal.role);

/** Authors change only what they uploaded themselves; admins and editors change everything. */
export const mayChange = (s: SessionInfo, file: MediaFile) => mayUpload(s) && (s.principal.role !== 'data_provider' || s.principal.platformAdmin || file.uploadedBy === s.principal.accountId);

/** The session of a studio page, or a redirect to the login that comes back to `back`. */
export async function requireSession(sessions: SessionStore, req: FastifyRequest, reply: FastifyReply, back: string): Promise<SessionInfo | null> {
  const session = await sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE), req.tenant.id);
  if (!session) reply.code(303).header('location', `/studio/anmelden?weiter=${back}`).send();
  return session;
}

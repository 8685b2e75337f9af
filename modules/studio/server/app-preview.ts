import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPreview, type PagePreview } from '../../web-app/server/page-route.ts';

/**
 * Sends a page of the citizen app rendered for a studio preview, with the web app's CSP: unlike
 * every other studio page it may be framed, by this origin only (frame-ancestors 'self').
 */
export async function sendAppPreview(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, preview: PagePreview) {
  const { status, html, csp } = await renderPreview(app, req, req.tenant, preview);
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', csp).send(html);
}

import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { notFound } from '../../../core/errors.ts';
import { idParam } from '../../web-app/server/query-params.ts';
import { inProcessGraphql, GraphQLLoadError } from '../../web-app/server/in-process-graphql.ts';
import { EVENT_QUERY } from './event-detail.load.ts';
import { eventIcs } from './event-ics.ts';

/**
 * GET /veranstaltungen/:id/kalender.ics — the event's upcoming dates for the citizen's own
 * calendar ("Zum Kalender hinzufügen" on the event page). Read through the public API, so only
 * visible events are served; an event without upcoming dates has no file.
 */
export const eventCalendarFileRoutes: RoutePlugin = (app, scopeOf) => {
  app.get('/veranstaltungen/:id/kalender.ics', async (req, reply) => {
    const id = idParam.safeParse((req.params as { id?: string }).id);
    if (!id.success) throw notFound('There is no such event.');
    const scope = await scopeOf(req);
    let event: any;
    try {
      event = (await inProcessGraphql(app, req)(EVENT_QUERY, { id: id.data })).eventRecord;
    } catch (err) {
      if (err instanceof GraphQLLoadError) throw notFound('There is no such event.');
      throw err;
    }
    if (!event?.dates?.length) throw notFound('This event has no upcoming dates.');
    const body = eventIcs(event, { origin: scope.origin, host: req.hostname, now: new Date() });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="veranstaltung-${id.data}.ics"`)
      .header('cache-control', 'no-cache')
      .send(body);
  });
};

import { z } from 'zod';
import type { RoutePlugin } from '../../../core/registry/manifest.ts';
import { badRequest } from '../../../core/errors.ts';
import { resolveLocation } from '../reports/resolve-location.ts';
import { PLACE_PATH } from './api-paths.ts';
import { registerCitizenErrors } from '../api/citizen-errors.ts';

const Query = z.union([
  z.object({ lat: z.coerce.number().min(-90).max(90), lng: z.coerce.number().min(-180).max(180) }),
  z.object({ address: z.string().trim().min(3).max(300) }),
]);

/**
 * GET /api/v1/defects/place?lat=&lng= or ?address=<text>: the place as filing would resolve it —
 * the point with the register's address, or 400 with the German reason (outside the municipality,
 * address unknown). The wizard shows it before sending, so the check is the one filing makes.
 */
export const defectsPlaceRoute: RoutePlugin = async (app, scopeOf) => {
  // In a context of its own with the citizen API's error shape ({error: {code, message}}), like its neighbours.
  await app.register(async (scoped) => {
    registerCitizenErrors(scoped);
    scoped.get(PLACE_PATH, async (req) => {
      const q = Query.safeParse(req.query);
      if (!q.success) throw badRequest('Bitte einen Punkt (lat, lng) oder eine Adresse (mindestens 3 Zeichen) angeben.');
      const { db, tenant } = await scopeOf(req);
      const place = await resolveLocation(db, 'address' in q.data ? { addressString: q.data.address } : { ...q.data, address: '' }, tenant.name);
      return { lat: place.lat, lng: place.lng, address: place.address };
    });
  });
};

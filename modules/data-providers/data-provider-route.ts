import type { RoutePlugin } from '../../core/registry/manifest.ts';
import { unauthenticated, notFound } from '../../core/errors.ts';
import { absoluteUrl } from '../../lib/absolute-url.ts';

/** GET /data_provider(.json): the token owner's data provider, in the mainserver's snake_case shape. */
export const dataProviderRoutes: RoutePlugin = (app, scopeOf) => {
  const handler = async (req: any) => {
    const scope = await scopeOf(req);
    const p = scope.principal;
    if (p.kind !== 'account') throw p.kind === 'rejected' ? unauthenticated(p.reason) : unauthenticated();
    if (p.dataProviderId === null) throw notFound('Your account has no data provider.');
    const row = await scope.db.selectFrom('data_providers').selectAll().where('id', '=', p.dataProviderId).executeTakeFirst();
    if (!row) throw notFound('Your data provider no longer exists.');
    const logo = row.logo ? { url: absoluteUrl(row.logo.url, scope.origin), description: row.logo.description } : null;
    return {
      data_provider: {
        name: row.name,
        description: row.description,
        notice: row.notice,
        logo,
        address: row.address && { addition: row.address.addition, street: row.address.street, city: row.address.city, zip: row.address.zip },
        contact: row.contact && {
          first_name: row.contact.firstName,
          last_name: row.contact.lastName,
          phone: row.contact.phone,
          fax: row.contact.fax,
          email: row.contact.email,
        },
      },
    };
  };
  app.get('/data_provider', handler);
  app.get('/data_provider.json', handler);
};

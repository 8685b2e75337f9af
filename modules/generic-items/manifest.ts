import { genericItemEditor } from './studio/generic-item-editor.ts';
import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { registerRecordType } from '../content-parts/record-types.ts';
import { registerSearchable } from '../content-parts/searchables.ts';
import { genericItemsMigrations } from './migrations.ts';
import { genericItemsTypeDefs } from './schema.ts';
import { genericItemsResolvers } from './resolvers.ts';
import { RELEASE_JOB } from './generic-item-upsert.ts';
import { announceJob } from '../content-parts/announcement.ts';
import { genericItemAnnouncement } from './announcement.ts';
import { releaseGenericItem } from './release-job.ts';
import { NOTIFY_MESSAGE_JOB } from './generic-item-messages.ts';
import { notifyGenericItemMessage } from './message-notify-job.ts';
import { seedGenericItems } from './seed.ts';

registerRecordType('GenericItem', { module: 'generic-items', table: 'generic_items', ownedByDataProvider: true, hasVisibility: true, hasExternalId: true });
registerSearchable({ recordType: 'generic_item', module: 'generic-items', table: 'generic_items', publicCondition: 'visible AND released' });

/**
 * Generic items (mainserver GenericItem): jobs, offers, deadlines, construction sites, noticeboard
 * entries, defect reports, vouchers, participation projects … told apart by genericType, with
 * child items.
 */
export const genericItemsModule: ModuleManifest = {
  name: 'generic-items',
  title: { de: 'Weitere Inhalte (Stellen, Angebote, Fristen, Baustellen …)', en: 'Generic items (jobs, offers, deadlines, construction sites …)' },
  dependsOn: ['content-parts', 'categories', 'data-providers'],
  migrations: genericItemsMigrations,
  graphql: { typeDefs: genericItemsTypeDefs, resolvers: genericItemsResolvers },
  jobs: { [RELEASE_JOB]: releaseGenericItem, [NOTIFY_MESSAGE_JOB]: notifyGenericItemMessage, [genericItemAnnouncement.job]: announceJob(genericItemAnnouncement) },
  seed: seedGenericItems,
  editors: [genericItemEditor],
};

import type { ModuleManifest } from '../../core/registry/manifest.ts';
import { pushMigrations } from './migrations.ts';
import { ensureVapidKeys } from './vapid-keys.ts';
import { deviceRoutes } from './device-routes.ts';
import { deviceAssignmentRoutes } from './device-assignments.ts';
import { webPushRoutes } from './web-push-routes.ts';
import { pushTypeDefs } from './graphql/push-schema.ts';
import { pushResolvers } from './graphql/push-resolvers.ts';
import { FAN_OUT_JOB } from './messages/message.ts';
import { fanOutJob, SEND_JOB } from './messages/fan-out-job.ts';
import { sendJob } from './messages/send-job.ts';
import { EXPO_RECEIPTS_JOB } from './messages/send-expo-job.ts';
import { expoReceiptsJob } from './messages/expo-receipts-job.ts';
import { SCHEDULE_JOB, scheduleJob } from './schedules/schedule-job.ts';
import { onContentAnnounced } from './messages/announce-listener.ts';
import { pushStudioRoutes } from './studio/push-studio-routes.ts';

/** Push messages: who receives them (Expo devices of the native app, Web Push subscriptions of the web app) and sending them. */
export const pushModule: ModuleManifest = {
  name: 'push',
  title: { de: 'Push-Mitteilungen', en: 'Push messages' },
  // Assignments point at content records (content-parts' record types); subscriptions choose categories.
  dependsOn: ['content-parts', 'categories', 'data-providers'],
  migrations: pushMigrations,
  graphql: { typeDefs: pushTypeDefs, resolvers: pushResolvers },
  jobs: { [FAN_OUT_JOB]: fanOutJob, [SEND_JOB]: sendJob, [EXPO_RECEIPTS_JOB]: expoReceiptsJob, [SCHEDULE_JOB]: scheduleJob },
  on: { 'content.announced': onContentAnnounced },
  init: async ({ db }) => {
    await ensureVapidKeys(db);
  },
  routes: async (app, scopeOf, services) => {
    await deviceRoutes(app, scopeOf, services);
    await deviceAssignmentRoutes(app, scopeOf, services);
    await webPushRoutes(app, scopeOf, services);
    await pushStudioRoutes(app, scopeOf, services);
  },
};

import type { ModuleManifest } from '../../../core/registry/manifest.ts';
import type { ContentAnnounced } from '../../../core/events/module-events.ts';
import { detailPath } from '../../web-app/server/route-descriptor.ts';
import { createMessage, everyone } from './message.ts';
import { nativeQueryType } from './native-query-type.ts';

/** The native app's notification data for a record, as the mainserver sends it (the app opens `id` with `query_type`). */
function recordData(r: Pick<ContentAnnounced, 'recordType' | 'recordId' | 'dataProviderId' | 'regionalKeys'>): Record<string, unknown> {
  return {
    id: r.recordId,
    query_type: nativeQueryType(r.recordType),
    ...(r.dataProviderId !== null ? { data_provider_id: r.dataProviderId } : {}),
    ...(r.regionalKeys.length ? { mowas_regional_keys: r.regionalKeys } : {}),
  };
}

/** At most `n` characters (whole code points), with "…" when shortened: records' titles may be longer than a message's. */
function clip(text: string, n: number): string {
  const chars = Array.from(text);
  return chars.length <= n ? text : `${chars.slice(0, n - 1).join('')}…`;
}

/** A record marked "send as push" became public: one message to everyone who wants its categories (once per record). */
export const onContentAnnounced: NonNullable<ModuleManifest['on']>['content.announced'] = async ({ db, payload: a }) => {
  await createMessage(db, {
    title: clip(a.title, 200),
    body: clip(a.summary, 1000),
    url: detailPath(a.recordType, a.recordId),
    data: recordData(a),
    target: { ...everyone, categoryIds: a.categoryIds, dataProviderId: a.dataProviderId, mowasRegionalKeys: a.regionalKeys },
    source: 'content',
    sourceKey: `content:${a.recordType}:${a.recordId}`,
  });
};

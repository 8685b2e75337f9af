/**
 * Record types that destroyRecord and changeVisibility can address by their mainserver names
 * ("NewsItem", "StaticContent" …). Content modules register theirs when their manifest loads.
 */
export type RecordType = {
  /** Module that must be enabled for the tenant. */
  module: string;
  table: string;
  /** Records owned by a data provider (column data_provider_id): providers may touch only their own. */
  ownedByDataProvider: boolean;
  /** Has a `visible` column. */
  hasVisibility: boolean;
  /** Has an `external_id` column. */
  hasExternalId: boolean;
};

const registry = new Map<string, RecordType>();

export function registerRecordType(name: string, type: RecordType): void {
  registry.set(name, type);
}

export function recordType(name: string): RecordType | undefined {
  return registry.get(name);
}

/**
 * The native app's `query_type` for a record type in a notification's data: the app camel-cases it
 * and matches it against its screens; points of interest only match in the plural (app-client §4.4).
 */
export function nativeQueryType(recordType: string): string {
  return recordType === 'PointOfInterest' ? 'points_of_interest' : recordType.charAt(0).toLowerCase() + recordType.slice(1);
}

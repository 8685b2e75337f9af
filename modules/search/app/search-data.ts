import type { Teaser } from '../../web-app/client/teaser-list.tsx';

/** The record types of the search (the API's SearchRecord values), in the order results are grouped. */
export const SEARCH_TYPES = ['news_item', 'event_record', 'point_of_interest', 'tour', 'generic_item'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export type SearchGroup = { type: SearchType; count: number; items: Teaser[] };

/**
 * What the search page shows. `state`: no query yet, the query is shorter than the tenant's
 * minimum or longer than the API accepts, nothing found, or results grouped by type. `type`
 * is set when the citizen asked for all hits of one type.
 */
export type SearchData = {
  query: string;
  type: SearchType | null;
  minLength: number;
  state: 'empty' | 'too-short' | 'too-long' | 'none' | 'results';
  total: number;
  groups: SearchGroup[];
  /** The tenant's own German texts (globalSettings.settings.search.texts), used for German only. */
  tenantTexts: { placeholder?: string; noResults?: string; minSearchLengthHint?: string };
};

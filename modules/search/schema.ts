export const searchTypeDefs = /* GraphQL */ `
  "Record types the search covers (the app's filter values)."
  enum SearchRecord { news_item event_record point_of_interest tour generic_item }

  "One hit: the app loads the records through the list queries by id."
  type SearchResult {
    id: ID
    "The record type as in destroyRecord and bookmarks: NewsItem, EventRecord, PointOfInterest, Tour, GenericItem."
    recordType: String
  }

  type Query {
    """
    German full-text search over the published records of this municipality, best matches first.
    All words must occur (stemmed: "Sperrungen" finds "Straßensperrung"), the last one also as the
    beginning of a word; umlauts and ß may be typed as ae/oe/ue/ss. An empty query finds nothing.
    filter: only these record types (empty or absent: all). limit (default 50, at most 200) and
    skip are Dorfplatz additions.
    """
    search(query: String, filter: [SearchRecord!], limit: Int, skip: Int): [SearchResult!]!
  }
`;

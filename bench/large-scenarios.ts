import { graphqlRequest, type Scenario, type ScenarioRequest } from './scenario.ts';

/**
 * The issue-3 requests against the large tenant: an event month in listDate order, the category
 * tree with counts, a place list of one category, a two-word search. Each has a "cached" form
 * (one request, as every app user sends it) and an "uncached" form (many variants, sent with
 * `unique`, so the response cache never answers).
 */

/** An event list entry as the app's list shows it (fields reconstructed from the app's list view). */
const EVENT_RECORDS = /* GraphQL */ `
  query EventRecords($limit: Int, $offset: Int, $order: EventRecordsOrder, $dateRange: [String], $categoryId: ID) {
    eventRecords(limit: $limit, skip: $offset, order: $order, dateRange: $dateRange, categoryId: $categoryId) {
      id
      title
      listDate
      date {
        id
        weekday
        dateFrom: dateStart
        dateTo: dateEnd
        timeFrom: timeStart
        timeTo: timeEnd
        timeDescription
        useOnlyTimeDescription
      }
      category {
        id
        name
      }
      dataProvider {
        id
        name
        logo {
          url
        }
      }
      addresses {
        id
        addition
        street
        zip
        city
        kind
        geoLocation {
          latitude
          longitude
        }
      }
      location {
        id
        name
        district
      }
      mediaContents {
        id
        contentType
        captionText
        copyright
        sourceUrl {
          url
        }
      }
    }
  }
`;

/** The places screen's category tree with counts (and the news/event counts other screens use). */
const CATEGORIES_WITH_COUNTS = /* GraphQL */ `
  query CategoriesWithCounts {
    categories {
      id
      name
      iconName
      position
      tagList
      parent {
        id
      }
      children {
        id
      }
      pointsOfInterestTreeCount
      toursTreeCount
      upcomingEventRecordsCount
      newsItemsCount
    }
  }
`;

const POINTS_OF_INTEREST = /* GraphQL */ `
  query PointsOfInterest($categoryId: ID, $limit: Int, $offset: Int, $order: PointsOfInterestOrder) {
    pointsOfInterest(categoryId: $categoryId, limit: $limit, skip: $offset, order: $order) {
      id
      name
      category {
        id
        name
      }
      dataProvider {
        id
        name
        logo {
          url
        }
      }
      addresses {
        id
        street
        zip
        city
        kind
        geoLocation {
          latitude
          longitude
        }
      }
      location {
        name
        district
      }
      mediaContents {
        id
        contentType
        captionText
        copyright
        sourceUrl {
          url
        }
      }
      payload
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query Search($query: String, $filter: [SearchRecord!]) {
    search(query: $query, filter: $filter) {
      id
      recordType
    }
  }
`;

export const PAGE = 20;

export type IssueScenario = { key: 'a' | 'b' | 'c' | 'd'; title: string; cached: Scenario; uncached: Scenario };

function scenario(name: string, host: string, token: string, requests: ScenarioRequest[], unique: boolean): Scenario {
  return { name, host, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, requests, unique };
}

/** Deterministic shuffle, so variants of one kind do not come in runs (same months one after another). */
function interleave<T>(items: T[]): T[] {
  const out = [...items];
  let seed = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export const eventMonthRequest = (month: [string, string], offset = 0) =>
  graphqlRequest('EventRecords', EVENT_RECORDS, { limit: PAGE, offset, order: 'listDate_ASC', dateRange: month });
export const categoriesRequest = () => graphqlRequest('CategoriesWithCounts', CATEGORIES_WITH_COUNTS);
export const placesRequest = (categoryId: number, offset = 0) =>
  graphqlRequest('PointsOfInterest', POINTS_OF_INTEREST, { categoryId: String(categoryId), limit: PAGE, offset, order: 'name_ASC' });
export const searchRequest = (query: string) => graphqlRequest('Search', SEARCH, { query });

export type LargeFixtures = {
  /** [first, last] day of the months from next month on; the first is the cached one. */
  months: Array<[string, string]>;
  /** Point-of-interest categories with how many visible records they hold; the first is the cached one. */
  poiCategories: Array<{ id: number; count: number }>;
  /** Two-word phrases that match; the first is the cached one. */
  searchPhrases: string[];
};

/**
 * Scenarios (a)–(d), each cached and uncached. Uncached variants: pages 1–10 (skip 0–180) of each
 * of the next 11 months, pages 1–10 of every place category, every phrase; the category tree has
 * no natural variants (the unique variable alone keeps it out of the cache).
 */
export function issueScenarios(host: string, token: string, f: LargeFixtures): IssueScenario[] {
  const monthVariants = interleave(f.months.flatMap((m) => Array.from({ length: 10 }, (_, page) => eventMonthRequest(m, page * PAGE))));
  const placeVariants = interleave(f.poiCategories.flatMap((c) => Array.from({ length: Math.min(10, Math.max(1, Math.ceil(c.count / PAGE))) }, (_, page) => placesRequest(c.id, page * PAGE))));
  const searchVariants = interleave(f.searchPhrases.map(searchRequest));
  const make = (key: IssueScenario['key'], title: string, cached: ScenarioRequest, variants: ScenarioRequest[]): IssueScenario => ({
    key,
    title,
    cached: scenario(`(${key}) ${title}, cached`, host, token, [cached], false),
    uncached: scenario(`(${key}) ${title}, uncached`, host, token, variants, true),
  });
  return [
    make('a', 'eventRecords of one month, listDate_ASC', eventMonthRequest(f.months[0]), monthVariants),
    make('b', 'categories with counts', categoriesRequest(), [categoriesRequest()]),
    make('c', 'pointsOfInterest(categoryId), name_ASC', placesRequest(f.poiCategories[0].id), placeVariants),
    make('d', `search "${f.searchPhrases[0]}"`, searchRequest(f.searchPhrases[0]), searchVariants),
  ];
}

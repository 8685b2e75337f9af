import { graphqlRequest, type Scenario } from './scenario.ts';

/** The three requests the app sends when the home screen opens. */

const GLOBAL_SETTINGS = /* GraphQL */ `
  query PublicJsonFile($name: String!, $version: String) {
    publicJsonFile(name: $name, version: $version) {
      content
    }
  }
`;

const NEWS_TEASERS = /* GraphQL */ `
  query NewsItems($limit: Int) {
    newsItems(limit: $limit) {
      id
      title
      publishedAt
      showPublishDate
      dataProvider {
        id
        name
        logo {
          url
        }
      }
      categories {
        id
        name
      }
      contentBlocks {
        id
        title
        intro
        body
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
      sourceUrl {
        url
      }
      payload
    }
  }
`;

const CATEGORIES = /* GraphQL */ `
  query Categories {
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
      newsItemsCount
    }
  }
`;

export function homeMix(host: string, token: string): Scenario {
  return {
    name: 'home-screen mix',
    host,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    requests: [
      graphqlRequest('PublicJsonFile', GLOBAL_SETTINGS, { name: 'globalSettings', version: '4.3.0' }),
      graphqlRequest('NewsItems', NEWS_TEASERS, { limit: 3 }),
      graphqlRequest('Categories', CATEGORIES),
    ],
  };
}

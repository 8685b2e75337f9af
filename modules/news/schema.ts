const listArgs = `ids: [ID], dataProvider: String, dataProviderId: ID, dataProviderIds: [ID], excludeDataProviderIds: [ID], excludeMowasRegionalKeys: [String], categoryId: ID, categoryIds: [ID], dateRange: [String]`;

export const newsTypeDefs = /* GraphQL */ `
  type NewsItem {
    id: ID
    visible: Boolean
    settings: Setting
    title: String
    externalId: String
    author: String
    fullVersion: Boolean
    charactersToBeShown: String
    categories: [Category]
    publicationDate: String
    publishedAt: String
    showPublishDate: Boolean
    newsType: String
    dataProvider: DataProvider
    address: Address
    sourceUrl: WebUrl
    contentBlocks: [ContentBlock]
    payload: JSON
    updatedAt: String
    createdAt: String
    pushNotificationsSentAt: String
  }

  enum NewsItemsOrder { createdAt_DESC createdAt_ASC updatedAt_DESC updatedAt_ASC publishedAt_DESC publishedAt_ASC id_DESC id_ASC }

  type Category {
    "Published news in this category."
    newsItemsCount: Int
    newsItems: [NewsItem]
  }

  type Query {
    newsItems(${listArgs}, limit: Int, skip: Int, order: NewsItemsOrder = publishedAt_DESC): [NewsItem]
    "Number of news items the same filters select (Dorfplatz addition, for paging)."
    newsItemsCount(${listArgs}): Int!
    "One news item; null when it does not exist or is not published."
    newsItem(id: ID!): NewsItem
    "Providers that publish news (optionally in these categories), by name."
    newsItemsDataProviders(categoryId: ID, categoryIds: [ID]): [DataProvider!]!
  }

  type Mutation {
    "Creates or updates a news item (upsert by id, externalId or content checksum; see the README)."
    createNewsItem(
      id: ID, forceCreate: Boolean, pushNotification: Boolean, author: String, title: String, externalId: String,
      fullVersion: Boolean, charactersToBeShown: Int, newsType: String, publicationDate: String, publishedAt: String,
      showPublishDate: Boolean, categoryName: String, payload: JSON, categories: [CategoryInput!], sourceUrl: WebUrlInput,
      address: AddressInput, contentBlocks: [ContentBlockInput!]
    ): NewsItem!
  }
`;

const listArgs = `ids: [ID], categoryId: ID, categoryIds: [ID], dataProvider: String, dataProviderId: ID, location: String, locations: [String], dateRange: [String]`;

export const eventTypeDefs = /* GraphQL */ `
  type EventRecord {
    id: ID
    visible: Boolean
    settings: Setting
    externalId: String
    parentId: Int
    description: String
    title: String
    "Upcoming dates (a recurring event's template is not one of them)."
    dates: [Date]
    "In eventRecords lists that select it: the date of this entry (one entry per upcoming date). Elsewhere the next upcoming date."
    date: Date
    "YYYY-MM-DD: the day the event is listed under (its next date, today while a multi-day date runs)."
    listDate: String
    repeat: Boolean
    repeatDuration: RepeatDuration
    "Deprecated: the first of categories."
    category: Category
    categories: [Category]
    addresses: [Address]
    location: Location
    regionId: String
    region: Region
    dataProvider: DataProvider
    contacts: [Contact]
    urls: [WebUrl]
    mediaContents: [MediaContent]
    organizer: OperatingCompany
    priceInformations: [Price]
    accessibilityInformation: AccessibilityInformation
    tagList: [String]
    recurring: Boolean
    "0 = Monday … 6 = Sunday"
    recurringWeekdays: [Int]
    "0 daily, 1 weekly, 2 monthly, 3 yearly"
    recurringType: Int
    recurringInterval: Int
    updatedAt: String
    createdAt: String
  }

  enum EventRecordsOrder { createdAt_DESC createdAt_ASC updatedAt_DESC updatedAt_ASC id_DESC id_ASC title_DESC title_ASC listDate_DESC listDate_ASC }

  type Category {
    "Visible events in this category (optionally at a place: Location name or Address city)."
    eventRecordsCount(location: String): Int
    eventRecords(location: String): [EventRecord]
    "Visible events in this category with an upcoming date."
    upcomingEventRecordsCount(location: String): Int
    upcomingEventRecords(location: String): [EventRecord]
  }

  type Query {
    """
    Upcoming events. Selecting \`date\` lists one entry per upcoming date (unless onlyUniqEvents);
    \`location\`/\`locations\` match the Location name or an Address city; \`dateRange\` is two days YYYY-MM-DD.
    """
    eventRecords(${listArgs}, onlyUniqEvents: Boolean, limit: Int, skip: Int, take: Int, order: EventRecordsOrder = createdAt_DESC): [EventRecord]
    "One event; null when it does not exist or is not visible to the caller."
    eventRecord(id: ID!): EventRecord
    "Addresses of all upcoming events (the app offers their cities as a filter)."
    eventRecordsAddresses: [Address!]!
  }

  type Mutation {
    "Creates or updates an event (upsert by id, externalId or content checksum; see the README)."
    createEventRecord(
      id: ID, forceCreate: Boolean, pushNotification: Boolean, parentId: Int, description: String, externalId: String, title: String,
      dates: [DateInput!], repeat: Boolean, repeatDuration: RepeatDurationInput, categoryName: String,
      categories: [CategoryInput!], regionName: String, region: RegionInput, addresses: [AddressInput!],
      location: LocationInput, contacts: [ContactInput!], urls: [WebUrlInput!], mediaContents: [MediaContentInput!],
      organizer: OperatingCompanyInput, priceInformations: [PriceInput!], accessibilityInformation: AccessibilityInformationInput,
      tags: [String!], recurring: String, recurringWeekdays: [String!], recurringType: String, recurringInterval: String
    ): EventRecord!
  }
`;

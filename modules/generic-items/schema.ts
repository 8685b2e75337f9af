const filterArgs = `ids: [ID], categoryId: ID, categoryIds: [ID], dataProvider: String, dataProviderId: ID, externalId: ID, genericType: String, location: String, currentMember: Boolean, memberId: ID`;

/** Fields of createGenericItem other than id; GenericItemInput has the same (children are recursive). */
const itemFields = (sep: string) =>
  [
    'forceCreate: Boolean',
    'pushNotification: Boolean',
    'author: String',
    'title: String',
    '"Dorfplatz addition: short summary (GenericItem.teaser)." teaser: String',
    '"Dorfplatz addition (GenericItem.description)." description: String',
    '"Required: Job, Offer, Deadline, ConstructionSite, Noticeboard, DefectReport, Voucher, ParticipationProject …" genericType: String',
    'externalId: String',
    'publicationDate: String',
    'publishedAt: String',
    'categoryName: String',
    'payload: JSON',
    'contacts: [ContactInput]',
    '"Child items (at most three levels in all)." genericItems: [GenericItemInput]',
    'companies: [OperatingCompanyInput]',
    'categories: [CategoryInput]',
    'webUrls: [WebUrlInput]',
    'addresses: [AddressInput]',
    'contentBlocks: [ContentBlockInput]',
    'openingHours: [OpeningHourInput]',
    'priceInformations: [PriceInput]',
    'mediaContents: [MediaContentInput]',
    'locations: [LocationInput]',
    'dates: [DateInput]',
    'accessibilityInformations: [AccessibilityInformationInput]',
  ].join(sep);

export const genericItemsTypeDefs = /* GraphQL */ `
  "Everything else: jobs, offers, deadlines, construction sites, noticeboard entries, defect reports, vouchers, participation projects …, told apart by genericType."
  type GenericItem {
    id: ID
    visible: Boolean
    settings: Setting
    accessibilityInformations: [AccessibilityInformation]
    addresses: [Address]
    author: String
    categories: [Category]
    companies: [OperatingCompany]
    contacts: [Contact]
    contentBlocks: [ContentBlock]
    dataProvider: DataProvider
    dates: [Date]
    description: String
    discountType: Discount
    externalId: String
    "Child items."
    genericItems: [GenericItem]
    genericType: String
    "Messages of citizens to the author; only for callers who may modify the item (admins, editors, the owning data provider), [] for everyone else."
    genericItemMessages: [GenericItemMessage]
    locations: [Location]
    mediaContents: [MediaContent]
    memberId: ID
    openingHours: [OpeningHour]
    payload: JSON
    pointOfInterest: PointOfInterest
    priceInformations: [Price]
    publicationDate: String
    publishedAt: String
    pushNotifications: [PushNotification]
    quota: Quota
    teaser: String
    title: String
    webUrls: [WebUrl]
    updatedAt: String
    createdAt: String
  }

  type Discount { id: ID, originalPrice: Float, discountedPrice: Float, discountPercentage: Float, discountAmount: Float }
  type Quota { id: ID, maxQuantity: Int, frequency: String, maxPerPerson: Int, availableQuantity: Int, visibility: String, availableQuantityForMember(memberId: ID): Int }
  "A citizen's message to the author of an item. The sender's name, e-mail and phone number are never exposed."
  type GenericItemMessage { id: ID, message: String, visible: Boolean }
  type PushNotificationData { id: ID, queryType: String, dataProviderId: ID }
  type PushNotification {
    notificationPushableType: String!
    notificationPushableId: Int!
    onceAt: String
    mondayAt: String
    tuesdayAt: String
    wednesdayAt: String
    thursdayAt: String
    fridayAt: String
    saturdayAt: String
    sundayAt: String
    recurring: Int
    title: String!
    body: String
    data: PushNotificationData
  }
  "Declared here so that GenericItem.pointOfInterest resolves without the places module; merged with its full type."
  type PointOfInterest { id: ID }

  enum GenericItemOrder {
    createdAt_DESC createdAt_ASC updatedAt_DESC updatedAt_ASC publishedAt_DESC publishedAt_ASC
    publicationDate_DESC publicationDate_ASC id_DESC id_ASC title_DESC title_ASC
  }

  input GenericItemInput {
    ${itemFields('\n    ')}
  }

  type Category {
    "Published generic items in this category (location: a location name or address city)."
    genericItemsCount(location: String): Int
    genericItems(location: String): [GenericItem]
  }

  type Query {
    "Generic items, parents and children alike. currentMember/memberId select citizen members' items (none yet)."
    genericItems(${filterArgs}, limit: Int, skip: Int, order: GenericItemOrder = createdAt_DESC): [GenericItem]
    "Number of generic items the same filters select (Dorfplatz addition, for paging)."
    genericItemsCount(${filterArgs}): Int!
    "One generic item; null when it does not exist or is not published."
    genericItem(id: ID!): GenericItem
    "A member's redeemed vouchers (§7.4). Citizen members and redemption come with a later feature: [] for now."
    vouchers(limit: Int, skip: Int, order: GenericItemOrder, memberId: ID): [GenericItem]
  }

  type Mutation {
    "Creates or updates a generic item and its children (upsert per item by id, externalId or checksum of title and publishedAt)."
    createGenericItem(
      id: ID
      ${itemFields('\n      ')}
    ): GenericItem!
    "A citizen's message to the author of a published (noticeboard) item; any caller. Status 404: no such published item; 403: terms of service not accepted. At most 20 messages per item and hour."
    createGenericItemMessage(genericItemId: ID!, name: String!, email: String!, phoneNumber: String, message: String!, termsOfService: Boolean!, visible: Boolean): Status!
  }
`;

const listArgs = `ids: [ID], dataProvider: String, dataProviderId: ID, category: String, categoryId: ID, categoryIds: [ID], location: String, onlyWithImage: Boolean`;

/** Arguments of createPointOfInterest, createTour and TourStopInput alike (reference §4.1, §2.4). */
const attractionArgs = `
  name: String!, description: String, mobileDescription: String, active: Boolean, categoryName: String, payload: JSON,
  categories: [CategoryInput!], addresses: [AddressInput!], contact: ContactInput, operatingCompany: OperatingCompanyInput,
  webUrls: [WebUrlInput!], mediaContents: [MediaContentInput!], location: LocationInput, certificates: [CertificateInput!],
  accessibilityInformation: AccessibilityInformationInput, tags: [String!]`;

export const placesTypeDefs = /* GraphQL */ `
  type PointOfInterest {
    id: ID
    visible: Boolean
    settings: Setting
    externalId: String
    name: String
    description: String
    mobileDescription: String
    addresses: [Address!]
    active: Boolean
    "Deprecated: the first of categories."
    category: Category
    categories: [Category!]
    location: Location
    dataProvider: DataProvider
    contact: Contact
    webUrls: [WebUrl!]
    mediaContents: [MediaContent!]
    operatingCompany: OperatingCompany
    openingHours: [OpeningHour!]
    priceInformations: [Price!]
    certificates: [Certificate!]
    accessibilityInformation: AccessibilityInformation
    tagList: [String!]
    "Public-transport departures at this stop (empty until a GTFS timetable is imported)."
    travelTimes(date: String, sortBy: String, sortOrder: String): [TravelTimes!]
    hasTravelTimes: Boolean
    lunches: [Lunch!]
    payload: JSON
    "Always empty (as in the mainserver's open-source code)."
    vouchers: [GenericItem!]
    updatedAt: String
    createdAt: String
  }

  type Tour {
    id: ID
    visible: Boolean
    settings: Setting
    externalId: String
    name: String
    description: String
    mobileDescription: String
    addresses: [Address!]
    active: Boolean
    "bike, canoe or foot"
    meansOfTransportation: String
    lengthKm: Int
    "Deprecated: the first of categories."
    category: Category
    categories: [Category!]
    location: Location
    dataProvider: DataProvider
    contact: Contact
    webUrls: [WebUrl!]
    mediaContents: [MediaContent!]
    operatingCompany: OperatingCompany
    certificates: [Certificate!]
    tagList: [String!]
    regions: [Region!]
    "The track, point by point."
    geometryTourData: [GeoLocation!]!
    payload: JSON
    tourStops: [TourStop!]
    updatedAt: String
    createdAt: String
  }

  type TourStop {
    id: ID
    visible: Boolean
    "Always null (the mainserver's tour stops have no settings)."
    settings: Setting
    externalId: String
    name: String
    description: String
    mobileDescription: String
    addresses: [Address!]
    active: Boolean
    "Always null (the mainserver's tour stops have no categories)."
    category: Category
    "Always empty (the mainserver's tour stops have no categories)."
    categories: [Category!]
    location: Location
    dataProvider: DataProvider
    contact: Contact
    webUrls: [WebUrl!]
    mediaContents: [MediaContent!]
    operatingCompany: OperatingCompany
    certificates: [Certificate!]
    accessibilityInformation: AccessibilityInformation
    tagList: [String!]
    payload: JSON
    updatedAt: String
    createdAt: String
  }

  "A lunch menu of a restaurant (point of interest) for its dates."
  type Lunch {
    id: ID
    text: String
    "The day the lunch is listed under: YYYY-MM-DD."
    listDate: String
    dates: [Date!]
    lunchOffers: [LunchOffer!]
    pointOfInterest: PointOfInterest!
    pointOfInterestAttributes: String
    updatedAt: String
    createdAt: String
  }

  type LunchOffer { id: ID, name: String, price: String, updatedAt: String, createdAt: String }

  "A departure at a public-transport stop (GTFS)."
  type TravelTimes { arrivalTime: String, departureTime: String, dropOffType: String, pickupType: String, route: Route, stopHeadsign: String, stopSequence: String, trip: Trip }
  type Route { routeColor: String, routeDesc: String, routeLongName: String, routeShortName: String, routeTextColor: String, routeType: String }
  type Trip { bikesAllowed: String, directionId: String, tripHeadsign: String, tripShortName: String, wheelchairAccessible: String }

  "Declared here for PointOfInterest.vouchers; the generic-items module defines its fields."
  type GenericItem { id: ID }

  enum PointsOfInterestOrder { createdAt_DESC createdAt_ASC updatedAt_DESC updatedAt_ASC id_DESC id_ASC name_DESC name_ASC RAND }
  enum ToursOrder { createdAt_DESC createdAt_ASC updatedAt_DESC updatedAt_ASC id_DESC id_ASC name_DESC name_ASC RAND }
  enum LunchesOrder { createdAt_DESC createdAt_ASC updatedAt_DESC updatedAt_ASC id_DESC id_ASC }

  input TourStopInput { ${attractionArgs} }
  input LunchOfferInput { name: String, price: String }
  input LunchInput { text: String, dates: [DateInput!], lunchOffers: [LunchOfferInput!], pointOfInterestId: ID, pointOfInterestAttributes: String }

  type Category {
    "Visible points of interest in this category (optionally only those in a location: Location name or address city)."
    pointsOfInterestCount(location: String): Int
    pointsOfInterest(location: String): [PointOfInterest!]
    "Like pointsOfInterestCount, including all descendant categories (each place counted once)."
    pointsOfInterestTreeCount(location: String): Int
    toursCount(location: String): Int
    tours(location: String): [Tour!]
    toursTreeCount(location: String): Int
  }

  type Query {
    pointsOfInterest(${listArgs}, limit: Int, skip: Int, order: PointsOfInterestOrder = createdAt_DESC): [PointOfInterest]
    "Number of points of interest the same filters select (Dorfplatz addition, for paging)."
    pointsOfInterestCount(${listArgs}): Int!
    "One point of interest; null when it does not exist or is hidden."
    pointOfInterest(id: ID!): PointOfInterest
    tours(${listArgs}, limit: Int, skip: Int, order: ToursOrder = createdAt_DESC): [Tour]
    "Number of tours the same filters select (Dorfplatz addition, for paging)."
    toursCount(${listArgs}): Int!
    "One tour; null when it does not exist or is hidden."
    tour(id: ID!): Tour
    "Lunches having a date within dateRange [start, end] (YYYY-MM-DD), or without dateRange the upcoming ones."
    lunches(ids: [ID], dateRange: [String], limit: Int, skip: Int, order: LunchesOrder = createdAt_DESC): [Lunch]
    lunch(id: ID!): Lunch
  }

  type Mutation {
    "Creates or updates a point of interest with its lunches (upsert by id or by checksum, see the README)."
    createPointOfInterest(
      id: ID, forceCreate: Boolean, externalId: String, ${attractionArgs},
      priceInformations: [PriceInput!], openingHours: [OpeningHourInput!], lunches: [LunchInput!]
    ): PointOfInterest!
    "Creates or updates a tour with its track and stops; an update replaces the track."
    createTour(
      id: ID, forceCreate: Boolean, externalId: String, ${attractionArgs},
      lengthKm: Int!, meansOfTransportation: String, geometryTourData: [GeoLocationInput!], tourStops: [TourStopInput!]
    ): Tour!
  }
`;

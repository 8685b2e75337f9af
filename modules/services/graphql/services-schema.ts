/**
 * Administrative services (OZG) in the GraphQL API — Dorfplatz additions, not part of the
 * mainserver. Hidden services are never returned. Values that depend on the clock ("open now")
 * are left to the client: responses are cached until the data changes.
 */
export const servicesTypeDefs = /* GraphQL */ `
  "An administrative service (Verwaltungsleistung) as the municipality's directory holds it."
  type AdministrativeService {
    id: ID!
    "LeiKa key (14 digits), when the service has one."
    leikaKey: String
    name: String!
    synonyms: [String!]!
    "Short plain text for lists."
    summary: String
    "The text sections that have content, in display order; HTML, sanitised."
    sections: [AdministrativeServiceSection!]!
    "ISO dates (YYYY-MM-DD)."
    validFrom: String
    validUntil: String
    onlineServices: [OnlineService!]!
    forms: [AdministrativeServiceForm!]!
    lifeSituations: [LifeSituation!]!
    "Authorities responsible in the area (an ARS or a prefix of it; default: the municipality's official key), most specific area first."
    responsibleAuthorities(area: String): [Authority!]!
    "Pinned by the municipality's editors (listed first)."
    pinned: Boolean!
    "Where the entry comes from: zufi, file or manual."
    source: String!
    updatedAt: String
  }

  enum AdministrativeServiceSectionKey { description requirements documents fees deadlines procedure legalBasis hints }

  type AdministrativeServiceSection {
    key: AdministrativeServiceSectionKey!
    html: String!
  }

  "An online application (OZG) for a service."
  type OnlineService {
    name: String!
    url: String!
    "eIDAS level of assurance: low, substantial or high."
    trustLevel: String
    description: String
  }

  type AdministrativeServiceForm {
    name: String!
    url: String!
  }

  "A life situation (Lebenslage), the directory's category tree."
  type LifeSituation {
    id: ID!
    name: String!
    description: String
    parentId: ID
    children: [LifeSituation!]!
    "Visible services in this life situation (not counting its children)."
    servicesCount: Int!
    services(limit: Int, skip: Int): [AdministrativeService!]!
  }

  "An authority or organisational unit (Behörde, Organisationseinheit)."
  type Authority {
    id: ID!
    name: String!
    description: String
    addresses: [AuthorityAddress!]!
    openingHours: [AuthorityOpeningSpan!]!
    "Opening hours as the source words them (holidays, by appointment)."
    openingHoursNote: String
    contacts: [AuthorityContact!]!
    paymentMethods: [String!]!
    services(limit: Int, skip: Int): [AdministrativeService!]!
  }

  type AuthorityAddress {
    "visitor, postal or delivery"
    kind: String!
    street: String
    houseNumber: String
    postalCode: String
    city: String
    latitude: Float
    longitude: Float
  }

  "Open from opens to closes (HH:MM, Europe/Berlin) on weekday (1 = Monday … 7 = Sunday)."
  type AuthorityOpeningSpan {
    weekday: Int!
    opens: String!
    closes: String!
    note: String
  }

  type AuthorityContact {
    "phone, mobile, fax, email or web"
    kind: String!
    value: String!
    label: String
  }

  type AdministrativeServiceSuggestion {
    id: ID!
    name: String!
    "The synonym that matched, when the name did not."
    matchedSynonym: String
  }

  "How current the directory's copy is."
  type AdministrativeServicesStatus {
    servicesCount: Int!
    "When the upstream (ZuFi) or a file import last delivered successfully (ISO 8601)."
    lastSuccessAt: String
    "When it was last tried; later than lastSuccessAt when the upstream could not be reached."
    lastAttemptAt: String
    "True when the last attempt failed, so the copy shown may be outdated."
    stale: Boolean!
  }

  type Query {
    "Services, ranked by relevance when searching (pinned first), else by name."
    administrativeServices(search: String, lifeSituationId: ID, leikaKey: String, ids: [ID], limit: Int, skip: Int): [AdministrativeService!]!
    administrativeServicesCount(search: String, lifeSituationId: ID, leikaKey: String, ids: [ID]): Int!
    "One service by id or LeiKa key; null when unknown or hidden."
    administrativeService(id: ID, leikaKey: String): AdministrativeService
    "Search as you type: a few names for a prefix."
    administrativeServiceSuggestions(search: String!, limit: Int): [AdministrativeServiceSuggestion!]!
    "The municipality's top list, in its order."
    topAdministrativeServices: [AdministrativeService!]!
    "Life situations under parentId (the top level without it)."
    lifeSituations(parentId: ID): [LifeSituation!]!
    lifeSituation(id: ID!): LifeSituation
    authorities(search: String, limit: Int, skip: Int): [Authority!]!
    authority(id: ID!): Authority
    administrativeServicesStatus: AdministrativeServicesStatus!
  }
`;

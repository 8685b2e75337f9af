/** Sub-resources shared by all content types (mainserver reference §2.2) and action results. */
export const contentPartsTypeDefs = /* GraphQL */ `
  type GeoLocation { id: ID, latitude: Float, longitude: Float }
  type Address { id: ID, addition: String, street: String, city: String, zip: String, kind: String, geoLocation: GeoLocation }
  type WebUrl { id: ID, url: String, description: String }
  type Contact { id: ID, firstName: String, lastName: String, phone: String, fax: String, webUrls: [WebUrl!], email: String }
  type MediaContent { id: ID, captionText: String, copyright: String, height: Int, width: Int, contentType: String, sourceUrl: WebUrl }
  type ContentBlock { id: ID, title: String, intro: String, body: String, mediaContents: [MediaContent!], updatedAt: String, createdAt: String }
  type Setting { displayOnlySummary: String, alwaysRecreateOnImport: String, onlySummaryLinkText: String }
  "A date of an event, generic item, lunch or poll (FixedDate): dates YYYY-MM-DD, times HH:MM, empty strings when missing."
  type Date { id: ID, weekday: String, dateStart: String, dateEnd: String, timeStart: String, timeEnd: String, timeDescription: String, useOnlyTimeDescription: String }
  type OpeningHour { id: ID, weekday: String, dateFrom: String, dateTo: String, timeFrom: String, timeTo: String, sortNumber: Int, open: Boolean, useYear: Boolean, description: String }
  type Price { id: ID, name: String, category: String, amount: Float, groupPrice: Boolean, ageFrom: Int, ageTo: Int, minAdultCount: Int, maxAdultCount: Int, minChildrenCount: Int, maxChildrenCount: Int, description: String }
  type Region { id: ID, name: String }
  type Location { id: ID, name: String, department: String, district: String, regionName: String, state: String, geoLocation: GeoLocation }
  type Certificate { id: ID, name: String }
  type AccessibilityInformation { id: ID, description: String, types: String, urls: [WebUrl!] }
  type OperatingCompany { id: ID, name: String, address: Address, contact: Contact }
  type RepeatDuration { id: ID, startDate: String, endDate: String, everyYear: Boolean }

  type Status { id: ID, status: String, statusCode: Int }
  type Destroy { id: Int, status: String, statusCode: Int }

  input GeoLocationInput { latitude: AnyPrimitive, longitude: AnyPrimitive }
  input AddressInput { id: Int, addition: String, street: String, zip: String, city: String, kind: String, geoLocation: GeoLocationInput }
  input WebUrlInput { url: String, description: String }
  input ContactInput { firstName: String, lastName: String, phone: String, fax: String, webUrls: [WebUrlInput!], email: String }
  input MediaContentInput { captionText: String, copyright: String, height: AnyPrimitive, width: AnyPrimitive, contentType: String, sourceUrl: WebUrlInput }
  input ContentBlockInput { title: String, intro: String, body: String, mediaContents: [MediaContentInput!] }
  input DateInput { weekday: String, dateStart: String, dateEnd: String, timeStart: String, timeEnd: String, timeDescription: String, useOnlyTimeDescription: Boolean }
  input OpeningHourInput { weekday: String, dateFrom: String, dateTo: String, timeFrom: String, timeTo: String, sortNumber: Int, open: Boolean, useYear: Boolean, description: String }
  input PriceInput { name: String, amount: Float, groupPrice: Boolean, ageFrom: Int, ageTo: Int, minAdultCount: Int, maxAdultCount: Int, minChildrenCount: Int, maxChildrenCount: Int, description: String, category: String }
  input LocationInput { name: String, department: String, district: String, regionName: String, state: String, geoLocation: GeoLocationInput }
  input OperatingCompanyInput { name: String, address: AddressInput, contact: ContactInput }
  input AccessibilityInformationInput { description: String, types: String, urls: [WebUrlInput!] }
  input CertificateInput { name: String }
  input RegionInput { name: String }
  input RepeatDurationInput { startDate: String, endDate: String, everyYear: Boolean }

  type Mutation {
    "Deletes a record by id or externalId. Only your own records unless you are an admin or editor."
    destroyRecord(id: ID, recordType: String!, externalId: String): Destroy!
    "Shows or hides a record."
    changeVisibility(id: ID!, recordType: String!, visible: Boolean!): Status!
  }
`;

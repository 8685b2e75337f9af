/** Sub-resources shared by all content types (mainserver reference §2.2) and action results. */
export const contentPartsTypeDefs = /* GraphQL */ `
  type GeoLocation { id: ID, latitude: Float, longitude: Float }
  type Address { id: ID, addition: String, street: String, city: String, zip: String, kind: String, geoLocation: GeoLocation }
  type WebUrl { id: ID, url: String, description: String }
  type Contact { id: ID, firstName: String, lastName: String, phone: String, fax: String, webUrls: [WebUrl!], email: String }
  type MediaContent { id: ID, captionText: String, copyright: String, height: Int, width: Int, contentType: String, sourceUrl: WebUrl }
  type ContentBlock { id: ID, title: String, intro: String, body: String, mediaContents: [MediaContent!], updatedAt: String, createdAt: String }
  type Setting { displayOnlySummary: String, alwaysRecreateOnImport: String, onlySummaryLinkText: String }

  type Status { id: ID, status: String, statusCode: Int }
  type Destroy { id: Int, status: String, statusCode: Int }

  input GeoLocationInput { latitude: AnyPrimitive, longitude: AnyPrimitive }
  input AddressInput { id: Int, addition: String, street: String, zip: String, city: String, kind: String, geoLocation: GeoLocationInput }
  input WebUrlInput { url: String, description: String }
  input ContactInput { firstName: String, lastName: String, phone: String, fax: String, webUrls: [WebUrlInput!], email: String }
  input MediaContentInput { captionText: String, copyright: String, height: AnyPrimitive, width: AnyPrimitive, contentType: String, sourceUrl: WebUrlInput }
  input ContentBlockInput { title: String, intro: String, body: String, mediaContents: [MediaContentInput!] }

  type Mutation {
    "Deletes a record by id or externalId. Only your own records unless you are an admin or editor."
    destroyRecord(id: ID, recordType: String!, externalId: String): Destroy!
    "Shows or hides a record."
    changeVisibility(id: ID!, recordType: String!, visible: Boolean!): Status!
  }
`;

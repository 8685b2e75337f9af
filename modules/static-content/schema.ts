export const staticContentTypeDefs = /* GraphQL */ `
  "An HTML page of the app (imprint, privacy, feature texts)."
  type PublicHtmlFile { id: ID, name: String, content: String, version: String, dataType: String, createdAt: String, updatedAt: String }
  "A JSON configuration record of the app (globalSettings, navigation, tiles …)."
  type PublicJsonFile { id: ID, name: String, content: JSON, version: String, dataType: String, createdAt: String, updatedAt: String }

  type Query {
    publicHtmlFiles: [PublicHtmlFile!]!
    "The highest version at or below the asked one, else the unversioned record; not found → name \\"not found\\"."
    publicHtmlFile(name: String!, version: String): PublicHtmlFile!
    "As publicHtmlFile; content is parsed JSON when a version is sent, the raw JSON string otherwise."
    publicJsonFile(name: String!, version: String): PublicJsonFile!
  }

  type Mutation {
    "Creates a record, or updates it by id, or by name and version when one exists already."
    createOrUpdateStaticContent(forceCreate: Boolean, id: ID, name: String, content: String, dataType: String!, version: String): PublicHtmlFile!
  }
`;

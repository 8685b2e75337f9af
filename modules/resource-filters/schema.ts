export const resourceFiltersTypeDefs = /* GraphQL */ `
  "Which filter controls the app shows above a list of one resource type."
  type DataResourceFilter {
    "Dorfplatz addition (for destroyRecord with recordType ResourceFilter)."
    id: ID
    "EventRecord, NewsItem, PointOfInterest, Tour or GenericItem::<genericType>."
    dataResourceType: String
    """
    Filter keys (category, dataProvider, dateStart, dateEnd, location, radiusSearch,
    onlyCurrentlyOpen, zipStart, zipEnd, saveable, active) with their control type and options.
    """
    config: JSON
    createdAt: String
    updatedAt: String
  }

  type Query {
    "The filter configuration of every resource type of this municipality."
    resourceFilters: [DataResourceFilter]
  }

  type Mutation {
    "Sets the filter configuration of a resource type, replacing the previous one (admins and editors; Dorfplatz addition)."
    createOrUpdateResourceFilter(dataResourceType: String!, config: JSON!): DataResourceFilter!
  }
`;

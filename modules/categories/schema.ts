export const categoryTypeDefs = /* GraphQL */ `
  type Category {
    id: ID
    name: String
    iconName: String
    "Sort position among siblings (0 first)."
    position: Int
    parent: Category
    children: [Category]
    "Comma-separated resource tags, e.g. \\"news_item,event_record\\"."
    tagList: String
    contact: Contact
  }

  enum CategoriesOrder { createdAt_DESC createdAt_ASC updatedAt_DESC updatedAt_ASC id_DESC id_ASC name_DESC name_ASC }
  enum TaggingStrategy { ANY ALL EXCLUDE }
  input CategoryInput { name: String }

  type Query {
    "All categories (not only roots); build the tree from parent/children."
    categories(ids: [ID], excludeIds: [ID], tagList: [String], taggingStrategy: TaggingStrategy = ANY, limit: Int, skip: Int, order: CategoriesOrder = name_ASC): [Category]
    "Number of categories matching the same filters (Dorfplatz addition)."
    categoriesCount(ids: [ID], excludeIds: [ID], tagList: [String], taggingStrategy: TaggingStrategy = ANY): Int!
    "The whole tree as nested JSON: id, name, ancestry, children; ordered by name."
    categoryTree: JSON!
  }
`;

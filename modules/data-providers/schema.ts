export const dataProviderTypeDefs = /* GraphQL */ `
  type DataProvider {
    id: ID
    name: String
    "general_importer or business_account"
    dataType: String
    logo: WebUrl
    description: String
    address: Address
    contact: Contact
    notice: String
  }
`;

/** Query lengths of the service search, shared by the search page's loader and the suggestions in the browser. */
export const MIN_QUERY = 2;
export const MAX_QUERY = 200;

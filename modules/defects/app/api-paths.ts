/** The citizen REST paths the Mängelmelder screens call from the browser (see modules/defects/README.md). */
export const PLACE_PATH = '/api/v1/defects/place';
export const NEARBY_PATH = '/api/v1/defects/nearby';
export const REPORTS_PATH = '/api/v1/defects/reports';
export const CHALLENGE_PATH = '/api/v1/defects/challenge';
export const STATUS_PATH = '/api/v1/defects/reports/status';

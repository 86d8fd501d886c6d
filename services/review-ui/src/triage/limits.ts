/** The most flags one bulk action may change (the API refuses a filter matching more). */
export const BULK_LIMIT = 2000;

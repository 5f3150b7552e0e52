/**
 * How far back the dashboard's charts look. In their own module, not beside the client cards:
 * the server page prefetches with the same input, and a value exported from a "use client"
 * file reaches a server component as a client reference, not as the number.
 */
export const NET_WORTH_MONTHS = 6;
export const CASH_FLOW_MONTHS = 6;

export const ROLES = ["editor", "admin"] as const;
export type TRole = (typeof ROLES)[number];

/** The request header the production server sets to the connecting address (replacing any sent), for rate limits. */
export const CLIENT_ADDRESS_HEADER = "x-client-address";

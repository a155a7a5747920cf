/**
 * What the scenario accepts as an id (a call type, a staff group): a letter or digit first, then
 * letters, digits, "-" and "_". Shared by the scenario's schema and the history import, which must
 * refuse the same names the scenario would.
 */
export const ID_PATTERN = /^[A-Za-z0-9][\w-]*$/;

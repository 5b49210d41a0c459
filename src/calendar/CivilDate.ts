declare const brand: unique symbol;

/**
 * A civil calendar date `YYYY-MM-DD` (proleptic Gregorian, as used on Chinese official documents). It is a string, so
 * it serialises as itself and compares correctly with `<`; it carries no time and no time zone.
 *
 * Obtain one from {@link parseCivilDate} or {@link isValidCivilDate}; every calendar function returns them.
 *
 * @category Calendar
 */
export type CivilDate = string & { readonly [brand]: "CivilDate" };

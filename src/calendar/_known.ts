import type { HolidayCalendar } from "./HolidayCalendar.js";

/** Calendars built by this library (deep-frozen, already checked): used by reference. */
const KNOWN = new WeakSet<object>();

/** @internal Registers a checked, frozen calendar. */
export function registerCalendar<T extends HolidayCalendar>(cal: T): T {
  KNOWN.add(cal);
  return cal;
}

/** @internal True for a calendar this library built. */
export const isKnownCalendar = (v: object): boolean => KNOWN.has(v);

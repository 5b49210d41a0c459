import { isValidCivilDate } from "../calendar/isValidCivilDate.js";

// A trail of 10⁵ events holds a handful of distinct dates, and every replayed event checks several (the event's own,
// the record form's six): each check parsed the date again (parseDayNumber: a regular expression match and three
// numbers, ≈ 0.1 s of a 10⁵-event replay). The last few dates found valid are remembered and compared first.

const SIZE = 8;
const seen: string[] = new Array<string>(SIZE).fill("");
let next = 0;

/**
 * `isValidCivilDate(v)` (a real `YYYY-MM-DD` date, ISO 8601) for any value, answered from the last dates it accepted
 * when `v` is one of them: the same answer for every value (property-tested in test/task/civilDate.test.ts). @internal
 */
export function validDate(v: unknown): v is string {
  if (typeof v !== "string" || v.length !== 10) return false;
  for (let i = 0; i < SIZE; i++) if (seen[i] === v) return true;
  if (!isValidCivilDate(v)) return false;
  seen[next] = v;
  next = (next + 1) % SIZE;
  return true;
}

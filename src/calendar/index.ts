// shuangsuiji/calendar — the working-day calendar on its own (no zod, no pure-rand).
export type { CivilDate } from "./CivilDate.js";
export { isValidCivilDate } from "./isValidCivilDate.js";
export { parseCivilDate } from "./parseCivilDate.js";
export { civilDateFromDate } from "./civilDateFromDate.js";
export type { CalendarEntry, CalendarYearData, HolidayCalendar, CalendarOptions } from "./HolidayCalendar.js";
export { CN_CALENDAR } from "./CN_CALENDAR.js";
export { createHolidayCalendar, MAX_CALENDAR_YEARS, type CreateHolidayCalendarOptions } from "./createHolidayCalendar.js";
export { addCalendarYears } from "./addCalendarYears.js";
export { isWorkingDay } from "./isWorkingDay.js";
export { isMakeupWorkday } from "./isMakeupWorkday.js";
export { isPublicHoliday } from "./isPublicHoliday.js";
export { isStatutoryHoliday } from "./isStatutoryHoliday.js";
export { holidayName } from "./holidayName.js";
export { isProvisional } from "./isProvisional.js";
export { addWorkingDays } from "./addWorkingDays.js";
export { differenceInWorkingDays } from "./differenceInWorkingDays.js";
export { nextWorkingDay } from "./nextWorkingDay.js";
export { previousWorkingDay } from "./previousWorkingDay.js";
export { addLegalPeriod, type LegalPeriod, type LegalPeriodOptions } from "./addLegalPeriod.js";
// The deadline presets (DEADLINE_RULES, computeDeadline, ANNUAL_PLAN_DEADLINES, annualPlanDeadline) are exported by the
// root entry only: their rule texts and bases weigh about 1.9 KB min+gz, and this entry's browser budget is 9 KB
// (issue 15; docs/benchmarks.md "Bundle size"). They count on this entry's engine: `import { computeDeadline } from
// "shuangsuiji"` bundles them with it and without zod.
export { ShuangsuijiError, type ErrorCode, type RuleIssue } from "../errors/ShuangsuijiError.js";

/**
 * One dated entry of a holiday notice: the date and the festival heading it belongs to.
 *
 * @category Calendar
 */
export interface CalendarEntry {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Festival heading as in the notice, e.g. `春节` or `国庆节、中秋节`. */
  readonly name: string;
}

/**
 * The holiday arrangement of one calendar year, as announced by the State Council General Office
 * (国务院办公厅关于YYYY年部分节假日安排的通知). Dates are filed under their own calendar year.
 *
 * @category Calendar
 */
export interface CalendarYearData {
  /** The calendar year the dates belong to. */
  readonly year: number;
  /** Every day declared off (放假), weekend days inside announced ranges included. */
  readonly holidays: readonly CalendarEntry[];
  /** Saturdays and Sundays declared working days (调休上班). */
  readonly workdays: readonly CalendarEntry[];
  /**
   * Statutory holiday days (法定节假日, the 3×-pay days of 《全国年节及纪念日放假办法》 art. 2). Each must be one of
   * `holidays`. Optional: a year added without them simply answers `false` for {@link isStatutoryHoliday}.
   */
  readonly statutoryDays?: readonly string[];
  /** Where the data comes from (notice URLs or titles). */
  readonly notices?: readonly string[];
}

/**
 * An immutable holiday calendar: plain data for a contiguous range of years. Build one with
 * {@link createHolidayCalendar}, extend it with {@link addCalendarYears}, or use the bundled {@link CN_CALENDAR}.
 * Every calendar function takes it as an option; nothing reads a global.
 *
 * @category Calendar
 */
export interface HolidayCalendar {
  /** Discriminant. */
  readonly kind: "holiday-calendar";
  /** Where the data comes from. */
  readonly source: string;
  /** First covered year. */
  readonly firstYear: number;
  /** Last covered year. */
  readonly lastYear: number;
  /** The covered years' data, keyed by year. */
  readonly years: Readonly<Record<number, CalendarYearData>>;
}

/**
 * Options shared by the calendar functions.
 *
 * @category Calendar
 */
export interface CalendarOptions {
  /** The calendar to use; default {@link CN_CALENDAR}. */
  readonly calendar?: HolidayCalendar;
  /**
   * What to do with a date in a year the calendar does not cover. `"throw"` (default) raises
   * {@link ShuangsuijiError} `calendar-year-not-covered`; `"assume-weekdays"` treats Mon–Fri as working days there,
   * except the statutory days of 《全国年节及纪念日放假办法》 art. 2 (2024 revision), which are off whatever the year's
   * notice adds, in the years after the calendar's last up to 2099 (元旦 1 January; 春节 除夕–初三; 清明; 劳动节 1–2
   * May; 端午; 中秋; 国庆 1–3 October; lunar dates from a table generated from two sources) — they answer
   * {@link isStatutoryHoliday}, {@link isPublicHoliday} and {@link holidayName} too. The notice's other days off and
   * its make-up working days are unknown, so results that depend on such years are provisional
   * ({@link isProvisional} tells). Years before the calendar's first, and after 2099, are Mon–Fri.
   */
  readonly outsideCoverage?: "throw" | "assume-weekdays";
  /**
   * Treat make-up working weekends (调休上班) as rest days. Default `false`: administrative practice counts them as
   * working days (state organs work those days under the State Council's yearly holiday notice — practice, not
   * codified).
   */
  readonly ignoreMakeupWorkdays?: boolean;
}

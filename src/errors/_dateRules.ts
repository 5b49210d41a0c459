import { define } from "./_rule.js";

/**
 * @internal The civil-date rule alone: the draw reports it (registration dates, timeline dates) and nothing else of the
 * calendar's, so a draw bundle carries this text and not the calendar's coverage rules (issue 15, the light core).
 * `CALENDAR_RULES` includes it; {@link RULES} merges every group.
 */
export const DATE_RULES = /* @__PURE__ */ define({
  "civil-date": {
    clause: "ISO 8601 calendar date",
    zh: "日期应为有效的YYYY-MM-DD格式",
    en: "a date must be a real calendar date written YYYY-MM-DD",
  },
});

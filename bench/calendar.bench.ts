import { bench, describe } from "vitest";
import { findWorkday } from "chinese-days";
import { addWorkingDays, differenceInWorkingDays, isWorkingDay } from "../src/calendar/index.js";
import { dayNumber, formatDayNumber } from "../src/calendar/_days.js";

// The same 1,000 (date, n) inputs for both libraries, fixed by a simple LCG (no Math.random).
let s = 12345;
const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
const start = dayNumber(2015, 1, 1);
const inputs = Array.from({ length: 1000 }, () => [formatDayNumber(start + (next() % 3650)), 1 + (next() % 40)] as const);

describe("20-ish working days ahead, 1,000 inputs per iteration", () => {
  bench("shuangsuiji addWorkingDays", () => {
    for (const [d, n] of inputs) addWorkingDays(d, n);
  });
  bench("chinese-days findWorkday", () => {
    for (const [d, n] of inputs) findWorkday(n, d);
  });
});

describe("other calls, 1,000 inputs per iteration", () => {
  bench("isWorkingDay", () => {
    for (const [d] of inputs) isWorkingDay(d);
  });
  bench("differenceInWorkingDays over ~1 year", () => {
    for (const [d] of inputs) differenceInWorkingDays("2026-06-30", d);
  });
});

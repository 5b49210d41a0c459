import { deepFreeze } from "../_internal/deepFreeze.js";

// Zod-free, so that the draw (which filters by status) does not load the model schemas.

/**
 * Operating status (登记状态) used by the directory cut-off (Yanshi 7.2: 处于存续状态) and the status outcomes.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { OPERATING_STATUSES } from "shuangsuiji";
 * OPERATING_STATUSES[0]; // "operating" (存续)
 * ```
 */
export const OPERATING_STATUSES = /* @__PURE__ */ deepFreeze(["operating", "closed-or-liquidating", "deregistered", "licence-revoked", "registration-cancelled", "moved-out"] as const);

/**
 * The kind of code in 行政相对人编码 (Chongqing B.1): USCC, 15-digit registration number, resident ID (for a
 * natural person) or another code.
 *
 * @category Model
 *
 * @example
 * ```ts
 * import { TARGET_CODE_TYPES } from "shuangsuiji";
 * TARGET_CODE_TYPES.includes("uscc"); // true
 * ```
 */
export const TARGET_CODE_TYPES = /* @__PURE__ */ deepFreeze(["uscc", "registration-number", "resident-id", "other"] as const);

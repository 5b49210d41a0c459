// Reads what verifyTicket returns into one verdict. It accepts both the discriminated form (`status`: selected /
// not-selected / not-in-stratum / inconsistent, with messageZh / messageEn) and the older boolean form (listed,
// shouldBeSelected, consistent, explanationZh / explanationEn), so the page keeps working while the library moves.
import type { TargetDrawRecord } from "shuangsuiji";

/** What the page shows an enterprise. */
export interface Verdict {
  readonly status: "selected" | "not-selected" | "not-in-stratum" | "inconsistent";
  readonly ticket: string;
  readonly threshold: string | null;
  readonly messageZh: string;
  readonly messageEn: string;
}

const STATUSES = ["selected", "not-selected", "not-in-stratum", "inconsistent"] as const;

export function toVerdict(result: object, record: TargetDrawRecord, riskClass: string): Verdict {
  const r = result as Record<string, unknown>;
  const text = (k: string): string | undefined => (typeof r[k] === "string" ? (r[k] as string) : undefined);
  const stratum = record.strata.find((s) => s.riskClass === riskClass);
  const threshold = typeof r["threshold"] === "string" ? (r["threshold"] as string) : (stratum?.threshold ?? null);
  let status: Verdict["status"];
  const given = text("status");
  if (given !== undefined && (STATUSES as readonly string[]).includes(given)) status = given as Verdict["status"];
  else if (r["consistent"] === false) status = "inconsistent";
  else if (stratum === undefined || stratum.size === 0) status = "not-in-stratum";
  else status = r["listed"] === true ? "selected" : "not-selected";
  return {
    status,
    ticket: text("ticket") ?? "",
    threshold,
    messageZh: text("messageZh") ?? text("explanationZh") ?? "",
    messageEn: text("messageEn") ?? text("explanationEn") ?? "",
  };
}

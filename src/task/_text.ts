import { ShuangsuijiError } from "../errors/ShuangsuijiError.js";
import type { AuditEvent } from "./AuditEvent.js";
import type { TaskLifecycle } from "./TaskLifecycle.js";
import type { TextDigest } from "./_digest.js";
import { parsedWithinLimits, plainCopy } from "./_plain.js";
import { replay } from "./_replay.js";
import { loadCopied } from "./loadTask.js";
import { replayedOrThrow, type ReplayTaskOptions } from "./replayTask.js";

// The text entries (replayTaskText, loadTaskText, and their node:crypto twins in shuangsuiji/node): a trail or task
// handed over as the JSON text a store read from its database is parsed here, and the value JSON.parse returns is
// fresh, plain and unshared — exactly what the boundary copy (plainCopy) would make of it — so it is not copied again;
// only the documented limits are checked (parsedWithinLimits). Anything over a limit goes through plainCopy, which
// refuses it naming the path, as for a value handed over (docs/persistence.md "Handing over text").

/** `JSON.parse(text)`, or `invalid-input` naming the rule (a string is required; malformed JSON is refused). */
function parseText(text: unknown, what: string): unknown {
  if (typeof text !== "string") {
    throw new ShuangsuijiError("invalid-argument", [{
      path: [what], rule: "json-text", clause: "docs/persistence.md",
      messageZh: `${what}应为JSON文本（字符串），实际为${text === null ? "null" : typeof text}`, messageEn: `${what} must be JSON text (a string), got ${text === null ? "null" : typeof text}`,
    }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new ShuangsuijiError("invalid-input", [{
      path: [what], rule: "json-text", clause: "RFC 8259; docs/persistence.md",
      messageZh: `${what}不是有效的JSON文本：${detail}`, messageEn: `${what} is not valid JSON text: ${detail}`,
    }], { cause: e });
  }
}

/** replayTaskText's body, with the SHA-256 its entry chose. @internal */
export function replayText(text: string, options: ReplayTaskOptions, digest?: TextDigest): TaskLifecycle {
  const parsed = parseText(text, "events");
  const events = parsedWithinLimits(parsed) ? parsed : plainCopy(parsed, ["events"]);
  return replayedOrThrow(replay(events as readonly AuditEvent[], options, digest));
}

/** loadTaskText's body, with the SHA-256 its entry chose. @internal */
export function loadText(text: string, options: ReplayTaskOptions, digest?: TextDigest): TaskLifecycle {
  const parsed = parseText(text, "value");
  const keep = (k: string) => k !== "audit";
  return loadCopied(parsed, parsedWithinLimits(parsed, keep) ? parsed : plainCopy(parsed, ["value"], keep), options, digest);
}

import type { AuditEvent } from "./AuditEvent.js";
import type { Approval, TaskLifecycle } from "./TaskLifecycle.js";
import { directoryField } from "./_certificates.js";
import { refuse } from "./_lifecycle.js";

// 回避 (行政处罚法 art. 43 「当事人…申请回避…由行政机关负责人决定」; nemo iudex in causa sua): the inspector a decision is
// about does not decide it. The library knows each inspector by id and by the name of their entry in the department
// directories the stage-2 draw ran on (执法检查人员名录库, recorded with recordInspectorDraw's `drawInput`; a substitute comes
// from the same directories). An approval names its approver (`name`) and, when the approver is on those directories,
// may give their entry (`approverId`) — which tells two people of the same name apart.

/** inspector id → the name of their directory entry; built once per draw event. */
const NAMES = new WeakMap<AuditEvent, ReadonlyMap<string, string>>();

/** A person's name compared by meaning: NFKC (全角 as ASCII), without spaces, the ideographic space or format characters. */
export const nameKey = (v: unknown): string => (typeof v === "string" ? v.normalize("NFKC").replace(/[\p{Cf}\s\u3000]/gu, "") : "");

/** The directory names by inspector id (NFKC keys), from the stage-2 draw's recorded inputs; empty before the draw. */
export function directoryNames(t: TaskLifecycle): ReadonlyMap<string, string> {
  return directoryField(t, NAMES, "name", nameKey) ?? new Map();
}

/**
 * Refuses (`approval-role`, rule `approver-is-concerned`) an approval or decision whose approver is the inspector it is
 * about (行政处罚法 art. 43 and the preset's clause: 经本部门负责人同意 is someone else's consent). The approver is that
 * inspector when `approverId` is their id, or when `name` is their id or their directory entry's name — unless
 * `approverId` names another directory entry of that same name (a namesake). An `approverId` whose directory entry
 * bears another name than `name` is refused too (`approver-id-name`): the approval would name two people.
 */
export function requireNotConcerned(t: TaskLifecycle, approval: Approval, concernedId: string, clause: string, what: { readonly zh: string; readonly en: string }, path: (string | number)[]): void {
  const names = directoryNames(t);
  const name = nameKey(approval.name);
  const approverId = approval.approverId;
  if (approverId !== undefined && approverId !== concernedId) {
    const listed = names.get(approverId);
    if (listed !== undefined && listed !== name) {
      refuse("approval-role", "approver-id-name", clause, `审批人编号${approverId}在执法检查人员名录库中的姓名与审批人姓名（${approval.name}）不一致`, `the approver id ${approverId} names another person in the inspector directory than the approver's name (${approval.name})`, [...path, "approverId"], approverId);
    }
  }
  const concernedName = names.get(concernedId);
  const sameName = name === nameKey(concernedId) || (concernedName !== undefined && concernedName !== "" && name === concernedName);
  const namesake = approverId !== undefined && approverId !== concernedId && names.get(approverId) === name;
  if (approverId === concernedId || (sameName && !namesake)) {
    refuse(
      "approval-role", "approver-is-concerned", clause,
      `${what.zh}不得由被申请回避或被更换的执法人员本人（${concernedId}）作出或批准，应由其他负责人决定；同名的其他人员请以 approverId 注明其在名录库中的编号`,
      `${what.en} cannot be decided or approved by the inspector it concerns (${concernedId}): another head decides; an approver who only shares the name gives their directory entry as approverId`,
      approverId === concernedId ? [...path, "approverId"] : [...path, "name"], approval.name,
    );
  }
}

// shuangsuiji — the public API. Explicit named exports, grouped by concept.

// Errors
export { ShuangsuijiError, ERROR_CODES, type ErrorCode, type RuleIssue, type ShuangsuijiErrorOptions } from "./errors/ShuangsuijiError.js";
export { RULES, ruleMessage, type RuleDefinition, type RuleId } from "./errors/rules.js";

// Identifiers
export type { Uscc, RegistrationNumber, ResidentId } from "./ids/brands.js";
export { normalizeCode, type NormalizationChange, type NormalizedCode } from "./ids/normalizeCode.js";
export { parseUscc, type UsccParseResult, type UsccParts } from "./ids/parseUscc.js";
export { isValidUscc } from "./ids/isValidUscc.js";
export { parseRegistrationNumber, isValidRegistrationNumber, type RegistrationNumberParseResult } from "./ids/parseRegistrationNumber.js";
export { parseResidentId, isValidResidentId, type ResidentIdParseResult } from "./ids/parseResidentId.js";
export { isValidDivisionCode } from "./ids/isValidDivisionCode.js";

// Result codes
export { OUTCOME_IDS, OUTCOMES, CONSEQUENCE_KINDS, type OutcomeId, type OutcomeDefinition, type ConsequenceKind } from "./codes/OUTCOMES.js";
export { WOLONG_FORM_CODES, WANCHENG_OUTCOMES, CHONGQING_OUTCOMES, GSXT_RESULT_CODES, type WolongFormCode } from "./codes/FORM_CODES.js";
export { outcomeFromFormCode, formCodeOf } from "./codes/outcomeFromFormCode.js";
export { consequencesOf, type Consequence } from "./codes/consequencesOf.js";
export { isNegativeOutcome } from "./codes/isNegativeOutcome.js";

// Model
export {
  TextSchema, IdSchema, CivilDateSchema, UsccSchema, RegistrationNumberSchema, ResidentIdSchema, DivisionCodeSchema,
  RatioSchema, PhoneSchema, DateRangeSchema, RiskClassSchema, DEFAULT_RISK_CLASSES,
} from "./model/primitives.js";
export { DepartmentSchema, DEPARTMENT_LEVELS, type Department } from "./model/department.js";
export { InspectionItemSchema, ITEM_CATEGORIES, INSPECTION_METHODS, ADVANCE_NOTICE_CATEGORIES, type InspectionItem } from "./model/inspectionItem.js";
export {
  InspectionTargetSchema, createInspectionTargetSchema, OPERATING_STATUSES, TARGET_CODE_TYPES,
  type InspectionTarget, type TargetSchemaOptions,
} from "./model/inspectionTarget.js";
export { InspectorSchema, INSPECTOR_CATEGORIES, UNIT_KINDS, type Inspector, type InspectorCategory } from "./model/inspector.js";
export { countsTowardMinimum } from "./model/countsTowardMinimum.js";
export { AnnualPlanSchema, AnnualPlanRowSchema, type AnnualPlan, type AnnualPlanRow } from "./model/annualPlan.js";
export { SpotCheckTaskSchema, InspectionSchemeSchema, type SpotCheckTask, type SpotCheckTaskInput, type InspectionScheme } from "./model/spotCheckTask.js";
export { JointTeamSchema, type JointTeam } from "./model/jointTeam.js";
export { InspectionRecordSchema, OutcomeIdSchema, type InspectionRecord, type InspectionRecordInput } from "./model/inspectionRecord.js";
export { parseModel, parseTarget, validateRecords, type BatchResult } from "./model/parseModel.js";

// Table import
export {
  importTable, type TableId, type TableRecords, type ImportTableOptions, type ImportResult, type CellNormalization,
} from "./import/importTable.js";

// Draw: stage 1 (targets) and seeds
export { SeedRecordSchema, SeedProvenanceSchema, type SeedRecord, type SeedProvenance } from "./draw/seeds/SeedRecord.js";
export { createSeed } from "./draw/seeds/createSeed.js";
export { LOTTERY_GAMES, seedFromLottery } from "./draw/seeds/seedFromLottery.js";
export { seedFromDice } from "./draw/seeds/seedFromDice.js";
export { seedFromBeacon } from "./draw/seeds/seedFromBeacon.js";
export { commitSeedShare } from "./draw/seeds/commitSeedShare.js";
export { seedFromShares } from "./draw/seeds/seedFromShares.js";
export {
  SamplingPolicySchema, StratumRuleSchema, EligibilitySchema, ExclusionSchema, ROUNDING_MODES, OVERALL_FLOOR_PRESETS,
  type SamplingPolicy, type StratumRule, type Eligibility, type Exclusion,
} from "./draw/targets/SamplingPolicy.js";
export { computeQuota, type StratumQuota } from "./draw/targets/computeQuota.js";
export type { PoolCommitment } from "./draw/targets/PoolCommitment.js";
export type { IneligibleReason } from "./draw/targets/_pool.js";
export { commitPool, commitPoolAsync, type CommitPoolOptions } from "./draw/targets/commitPool.js";
export type { TargetDrawRecord, StratumDraw, SelectedUnit } from "./draw/records/TargetDrawRecord.js";
export type { TargetDrawShard } from "./draw/targets/TargetDrawShard.js";
export { drawTargets, drawTargetsAsync, type DrawTargetsInput, type DrawUnit } from "./draw/targets/drawTargets.js";
export type { DrawUnitStream } from "./draw/targets/DrawUnitStream.js";
export { drawTargetShard } from "./draw/targets/drawTargetShard.js";
export { mergeTargetShards } from "./draw/targets/mergeTargetShards.js";
export { verifyTargetDraw, verifyTargetDrawAsync, type VerificationResult, type DrawMismatch, type VerificationNote, type AnnouncedDrawInputs, type AnnouncedPoolCommitment } from "./draw/targets/verifyTargetDraw.js";
export { DrawTimelineSchema, type DrawTimeline } from "./draw/records/DrawTimeline.js";
export { TargetDrawRecordSchema, StratumDrawSchema, PoolCommitmentSchema, LockedTargetListSchema, InspectorDrawRecordSchema } from "./draw/records/recordSchemas.js";
export { computeTicket } from "./draw/targets/computeTicket.js";
export { verifyTicket, TICKET_STATUSES, type TicketCheck, type TicketQuery, type TicketReason } from "./draw/targets/verifyTicket.js";
export type { LockedTargetList } from "./draw/records/LockedTargetList.js";
export { lockTargetDraw } from "./draw/records/lockTargetDraw.js";
export { dispatchTargets } from "./draw/targets/dispatchTargets.js";

// Draw in an SQL engine (docs/scale.md)
export { SQL_DIALECTS, type SqlDialect, type SqlParameter, type SqlStatement, type SqlSource } from "./sql/SqlStatement.js";
export { generateCommitmentSql, type CommitmentSqlInput } from "./sql/generateCommitmentSql.js";
export { generateSelectionSql, type SelectionSqlInput } from "./sql/generateSelectionSql.js";
export { clickhouseParams, type ClickHouseExternalTable } from "./sql/clickhouseParams.js";
export { assemblePoolCommitment, type AssemblePoolCommitmentInput } from "./sql/assemblePoolCommitment.js";
export { assembleTargetShard, type AssembleTargetShardInput } from "./sql/assembleTargetShard.js";
export { assembleTargetDraw, type AssembleTargetDrawInput } from "./sql/assembleTargetDraw.js";
export { generatePoolCheckSql, POOL_CHECK_LISTED, type PoolCheckSql, type PoolCheckSqlOptions } from "./sql/generatePoolCheckSql.js";
export { assemblePoolCheck, type AssemblePoolCheckInput, type PoolCheckVerdict } from "./sql/assemblePoolCheck.js";

// Draw: stage 2 (inspectors)
export type { DrawScope } from "./draw/inspectors/DrawScope.js";
export type { InspectorDrawRecord, DepartmentDraw, DrawnTeam } from "./draw/inspectors/InspectorDrawRecord.js";
export {
  drawInspectors, type DrawInspectorsInput, type DrawInspectorsResult, type DepartmentSpec, type InspectorConstraint,
} from "./draw/inspectors/drawInspectors.js";
export { verifyInspectorDraw } from "./draw/inspectors/verifyInspectorDraw.js";
export { commitInspectorInputs, type InspectorInputsCommitment, type CommittedDepartmentInputs } from "./draw/inspectors/commitInspectorInputs.js";
export type { AnnouncedInspectorInputs } from "./draw/inspectors/verifyInspectorDraw.js";

// Task lifecycle
export {
  LIFECYCLE_PRESETS, REPLACEMENT_REASONS, type LifecyclePreset, type LifecyclePresetId, type ApproverRole, type ReplacementReason,
  APPROVER_ROLES, LifecyclePresetSchema,
} from "./task/LIFECYCLE_PRESETS.js";
export { TASK_STATES, type TaskState, type TaskLifecycle, type TaskTeam, type Approval, type Replacement, type Transition, type PenaltyInfoEntry, type AdvanceNoticeRecorded, type Lateness } from "./task/TaskLifecycle.js";
export { TRANSITIONS, type TransitionName, type AuditEvent, type AnchoredHead } from "./task/AuditEvent.js";
export { startTask, type StartTaskOptions } from "./task/startTask.js";
export { recordTargetDraw } from "./task/recordTargetDraw.js";
export { lockTargets } from "./task/lockTargets.js";
export { amendLockedList, type AmendLockedListInput } from "./task/amendLockedList.js";
export { recordInspectorDraw, type RecordInspectorDrawOptions } from "./task/recordInspectorDraw.js";
export { replaceInspector, type ReplaceInspectorInput } from "./task/replaceInspector.js";
export { decideRecusalRequest } from "./task/decideRecusalRequest.js";
export { addAssistant } from "./task/addAssistant.js";
export { advanceNotice, type AdvanceNoticeDecision, type AdvanceNoticeGround } from "./task/advanceNotice.js";
export { startInspection, type StartInspectionOptions } from "./task/startInspection.js";
export { recordResult, type RecordResultOptions } from "./task/recordResult.js";
export { recordIdentityShown } from "./task/recordIdentityShown.js";
export { recordAdvanceNotice, type AdvanceNoticeStep } from "./task/recordAdvanceNotice.js";
export { completeInspection } from "./task/completeInspection.js";
export { publishResults, type PublishResultsOptions } from "./task/publishResults.js";
export { isPublicationOverdue } from "./task/isPublicationOverdue.js";
export { correctPublishedResult } from "./task/correctPublishedResult.js";
export { recordPenaltyInfoCollected, type PenaltyInfoCollectedInput } from "./task/recordPenaltyInfoCollected.js";
export { overduePenaltyInfo, type OverduePenaltyInfo } from "./task/overduePenaltyInfo.js";
export { verifyAuditTrail, type AuditVerification, type AuditProblem, type VerifyAuditTrailOptions } from "./task/verifyAuditTrail.js";
export { replayTask, type ReplayTaskOptions } from "./task/replayTask.js";
export { verifyTask, type TaskVerification } from "./task/verifyTask.js";
export { loadTask } from "./task/loadTask.js";
export { replayTaskText } from "./task/replayTaskText.js";
export { loadTaskText } from "./task/loadTaskText.js";
export { AuditEventSchema, StoredTaskSchema } from "./task/TaskSchema.js";
export { publicView, maskPhone, maskIdNumber, maskPersonalData } from "./task/publicView.js";
export { publishableDrawRecord, type PublishableDrawRecord } from "./task/publishableDrawRecord.js";

// Planning
export type { ItemList, ItemListChange } from "./plan/ItemList.js";
export { buildItemList, requireItemList, ITEM_FIELD_REQUIREMENTS, type ItemListResult } from "./plan/buildItemList.js";
export { adjustItemList } from "./plan/adjustItemList.js";
export { checkAnnualPlan, RATIO_BOUNDS, type PlanCheck } from "./plan/checkAnnualPlan.js";
export { checkRiskDifferentiation, type RiskDifferentiationCheck } from "./plan/checkRiskDifferentiation.js";
export { adjustAnnualPlan, type PlanAdjustment } from "./plan/adjustAnnualPlan.js";
export { planAdHocTask } from "./plan/planAdHocTask.js";
export { splitPlanRow, type TaskPart } from "./plan/splitPlanRow.js";
export { estimateDrawCounts, type DrawEstimate, type DrawEstimateOptions } from "./plan/estimateDrawCounts.js";
export { combineIndustryChecks, type IndustryCheck } from "./plan/combineIndustryChecks.js";
export { itemListTable, annualPlanTable, renderTable } from "./plan/tables.js";

// Credit repair
export {
  CREDIT_RULE_SETS, SEVERE_PENALTY_TYPES, PENALTY_TYPES, type CreditRuleSet, type CreditTier, type TierRule, type PenaltyType,
} from "./credit/CREDIT_RULE_SETS.js";
export {
  evaluateCreditRepair, CreditRepairInputSchema, CREDIT_JURISDICTIONS, type CreditRepairInput, type CreditRepairOptions, type CreditRepairResult, type CreditRepairCommon, type UnmetCondition,
} from "./credit/evaluateCreditRepair.js";

// Calendar (also available alone as "shuangsuiji/calendar")
export {
  isValidCivilDate, parseCivilDate, civilDateFromDate, CN_CALENDAR, createHolidayCalendar, MAX_CALENDAR_YEARS, addCalendarYears,
  isWorkingDay, isMakeupWorkday, isPublicHoliday, isStatutoryHoliday, holidayName, isProvisional,
  addWorkingDays, differenceInWorkingDays, nextWorkingDay, previousWorkingDay, addLegalPeriod,
  type CivilDate, type CalendarEntry, type CalendarYearData, type HolidayCalendar, type CalendarOptions,
  type CreateHolidayCalendarOptions, type LegalPeriod, type LegalPeriodOptions,
} from "./calendar/index.js";
// Deadline presets: this entry only (not "shuangsuiji/calendar", whose browser budget they would exceed: issue 15)
export { DEADLINE_RULES, type DeadlineRule, type DeadlineRuleId } from "./calendar/DEADLINE_RULES.js";
export { computeDeadline, type Deadline } from "./calendar/computeDeadline.js";
export { ANNUAL_PLAN_DEADLINES, type AnnualPlanDeadlinePreset, type AnnualPlanJurisdiction } from "./calendar/ANNUAL_PLAN_DEADLINES.js";
export { annualPlanDeadline, type AnnualPlanDeadline } from "./calendar/annualPlanDeadline.js";

// Files as county staff have them (CSV in UTF-8 / GBK / UTF-16, .xlsx), in browsers and Node
export { decodeText, TEXT_ENCODINGS, type TextEncodingName, type DecodedText, type DecodeAttempt, type DecodeTextOptions } from "./files/decodeText.js";
export { parseCsv, type ParseCsvOptions, type CsvTable, type TableRows } from "./files/parseCsv.js";
export { readTableFile, type ReadTableFileOptions, type TableFile } from "./files/readTableFile.js";

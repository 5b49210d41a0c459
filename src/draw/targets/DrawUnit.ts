/**
 * What the draw needs of a target record — an {@link InspectionTarget} has all of it, so a validated directory can be
 * passed as the pool directly.
 *
 * @category Draw
 */
export interface DrawUnit {
  /** Canonical id (for an organisation its 统一社会信用代码); trimmed NFC text. */
  readonly id: string;
  /** Credit-risk class: the stratum. Not hashed into the ticket, so a reclassified unit keeps its ticket. */
  readonly riskClass: string;
  /** 成立/登记日期, for the Yanshi 7.2 cut-off. */
  readonly registrationDate?: string | undefined;
  /** 登记状态, for the Yanshi 7.2 cut-off. */
  readonly status?: string | undefined;
  /** 行政区划代码, for district scope. */
  readonly divisionCode?: string | undefined;
}

/** Shapes of the Approvals API (/api/approvals), mirroring ExpenseFlow.Approvals.Contracts/Dtos.cs. */
import { Claim, ReceiptDto } from '../../expenses/data/expenses.models';

export type InboxView = 'open' | 'done' | 'notifications';
export const INBOX_VIEWS: readonly InboxView[] = ['open', 'done', 'notifications'];
export type InboxSort = 'waiting' | '-waiting' | 'amount' | '-amount' | 'submitted';
export const INBOX_SORTS: readonly InboxSort[] = ['waiting', '-waiting', 'amount', '-amount', 'submitted'];

export type StepKind = 'approval' | 'notify' | 'financeReview';
export type StepMode = 'sequential' | 'all' | 'any';
export type Decision = 'approve' | 'reject' | 'return';
export type TaskStatus = 'Queued' | 'Waiting' | 'Approved' | 'Rejected' | 'Returned' | 'Skipped' | 'Closed' | 'Escalated' | 'Unread' | 'Read';
export type StepStatus = 'Pending' | 'Active' | 'Approved' | 'Rejected' | 'Returned' | 'Skipped' | 'Notified' | 'Cancelled' | 'Unassigned';

export interface InboxItemDto {
  taskId: string;
  approvalId: string;
  claimId: string;
  claimNumber: string;
  claimTitle: string;
  submitterId: string;
  submitterName: string;
  amount: number;
  currency: string;
  stepKey: string;
  /** In the request's language (name or nameEn of the step). */
  stepName: string;
  stepKind: StepKind;
  status: TaskStatus | string;
  createdAt: string;
  waitingHours: number;
  assigneeId: string;
  assigneeName: string;
  /** The task belongs to someone who delegated to me. */
  onBehalf: boolean;
  remindedAt: string | null;
  /** Deadline: the task escalates (or is decided automatically) then. */
  escalateAt: string | null;
  outcome: Decision | null;
  completedAt: string | null;
}

export interface InboxQuery {
  view: InboxView;
  search?: string;
  minAmount?: number | null;
  maxAmount?: number | null;
  /** Empty: the server's default for the tab (open: longest waiting first; done, notifications: most recent first). */
  sort?: InboxSort | '';
  page: number;
  pageSize: number;
}

export interface InboxPage {
  items: InboxItemDto[];
  total: number;
}

export interface ApprovalTaskDto {
  id: string;
  assigneeId: string;
  assigneeName: string;
  status: TaskStatus | string;
  outcome: Decision | null;
  comment: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  onBehalfOfId: string | null;
  createdAt: string;
  completedAt: string | null;
  remindedAt: string | null;
  /** dedupe, escalated, timeout, fallback, step-decided, approval-ended, submitter-skipped … */
  note: string | null;
}

export interface ApprovalStepDto {
  index: number;
  key: string;
  name: string;
  kind: StepKind;
  mode: StepMode;
  status: StepStatus | string;
  activatedAt: string | null;
  completedAt: string | null;
  /** condition-not-met, nobody-resolved … */
  note: string | null;
  tasks: ApprovalTaskDto[];
}

export interface ApprovalDto {
  id: string;
  claimId: string;
  claimNumber: string;
  claimTitle: string;
  submitterId: string;
  submitterName: string;
  amount: number;
  currency: string;
  status: string;
  flowId: string;
  flowName: string;
  flowVersion: number;
  round: number;
  startedAt: string;
  completedAt: string | null;
  steps: ApprovalStepDto[];
}

export interface DecisionRequest {
  decision: Decision;
  comment?: string;
}

export interface BatchApproveRequest {
  taskIds: string[];
  comment?: string;
}

export interface BatchItemResultDto {
  taskId: string;
  ok: boolean;
  code: string | null;
  message: string | null;
}

export interface ClaimReviewDto {
  claim: Claim;
  receipts: ReceiptDto[];
  approval: ApprovalDto;
  myTaskId: string | null;
  canDecide: boolean;
}

// ---- flows ----

export type ConditionField = 'amount' | 'category' | 'department' | 'costCentre' | 'legalEntity' | 'grade';
export type ConditionOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'notIn';
export const CONDITION_FIELDS: readonly ConditionField[] = ['amount', 'category', 'department', 'costCentre', 'legalEntity', 'grade'];
export const CONDITION_OPS: readonly ConditionOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn'];

export interface Comparison {
  field: ConditionField;
  op: ConditionOp;
  value: number | string | string[];
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

export type ApproverType = 'manager' | 'departmentHead' | 'role' | 'person';
export const APPROVER_TYPES: readonly ApproverType[] = ['manager', 'departmentHead', 'role', 'person'];

export type ApproverRule =
  | { type: 'manager'; levels?: number }
  | { type: 'departmentHead' }
  | { type: 'role'; role: string }
  | { type: 'person'; personId: string };

export type AutoAction = 'approve' | 'reject';

export interface SlaDefinition {
  remindAfterHours?: number;
  escalateAfterHours?: number;
  escalateTo?: ApproverRule;
  autoAction?: AutoAction;
}

export interface StepDefinition {
  key: string;
  name: string;
  nameEn?: string;
  kind?: StepKind;
  mode?: StepMode;
  approvers?: ApproverRule[];
  when?: Condition | null;
  sla?: SlaDefinition | null;
}

export interface FlowDefinition {
  when?: Condition | null;
  dedupe?: boolean;
  fallback?: ApproverRule;
  steps: StepDefinition[];
}

export interface FlowSummaryDto {
  id: string;
  code: string;
  name: string;
  priority: number;
  isDefault: boolean;
  isActive: boolean;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

export interface FlowVersionDto {
  version: number;
  createdAt: string;
  createdByName: string | null;
}

export interface FlowDto {
  id: string;
  code: string;
  name: string;
  priority: number;
  isDefault: boolean;
  isActive: boolean;
  version: number;
  definition: FlowDefinition;
  versions: FlowVersionDto[];
}

export interface SaveFlowRequest {
  code: string;
  name: string;
  priority?: number | null;
  isActive?: boolean | null;
  definition: FlowDefinition;
}

export interface DefinitionErrorDto {
  /** e.g. "steps[1].approvers[0].type" */
  path: string;
  code: string;
  message: string;
}

export interface ValidationResultDto {
  valid: boolean;
  errors: DefinitionErrorDto[];
}

export interface PreviewSample {
  submitterId: string;
  amount: number;
  categories?: string[];
  costCentres?: string[];
  legalEntityId?: string | null;
}

export interface PreviewRequest {
  flowId?: string | null;
  definition?: FlowDefinition | null;
  claimId?: string | null;
  sample?: PreviewSample | null;
}

export interface PreviewApproverDto {
  personId: string;
  name: string;
  /** Comma-separated notes: fallback, dedupe, submitter-skipped, escalated, delegated:<name>. */
  note: string | null;
}

export interface PreviewStepDto {
  key: string;
  name: string;
  kind: StepKind;
  mode: StepMode;
  applies: boolean;
  note: string | null;
  approvers: PreviewApproverDto[];
}

export interface PreviewDto {
  flowId: string | null;
  flowName: string;
  flowVersion: number | null;
  steps: PreviewStepDto[];
}

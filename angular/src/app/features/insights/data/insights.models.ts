/**
 * The Insights module's contract (C# records in src/ExpenseFlow.Insights.Contracts/Dtos.cs, camelCase JSON, enums as
 * strings; months are yyyy-MM, instants ISO 8601). Money and figures are C# decimals, sent as JSON numbers.
 */

export const KPI_BREAKDOWNS = ['month', 'department', 'category', 'legalEntity'] as const;
export type KpiBreakdown = (typeof KPI_BREAKDOWNS)[number];

/** How a number was obtained; the portal labels each one (实测 / 估算 / 基线 / 录入). */
export const MINUTES_KINDS = ['measured', 'estimated'] as const;
export type MinutesKind = (typeof MINUTES_KINDS)[number];

export const BASELINE_FIGURE_KINDS = ['default', 'assumption', 'entered', 'measured'] as const;
export type BaselineFigureKind = (typeof BASELINE_FIGURE_KINDS)[number];

export const BASELINE_METHODS = ['entered', 'measured'] as const;
export type BaselineMethod = (typeof BASELINE_METHODS)[number];

/** The contract's four origins, plus `computed` for an input that is itself a figure of the report (e.g. annualised savings). */
export const ROI_ORIGINS = ['measured', 'estimated', 'baseline', 'entered', 'computed'] as const;
export type RoiOrigin = (typeof ROI_ORIGINS)[number];

export const SUGGESTION_ACTIONS = ['remove', 'notify-only'] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

export const EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type RoiExportFormat = (typeof EXPORT_FORMATS)[number];

/** The baseline figure keys the server knows today (labels in insights.figure.*; an unknown key shows as is). */
export const BASELINE_FIGURE_KEYS = [
  'claimsPerMonth', 'employeeMinutes', 'approverMinutes', 'financeMinutes', 'financeMinutesAfter', 'errorRate', 'fixMinutes', 'cycleDays',
  'hourlyCostEmployee', 'hourlyCostApprover', 'hourlyCostFinance', 'annualRunningCost', 'oneOffCost',
] as const;

// ---- KPIs (GET /api/insights/kpis?from=yyyy-MM&to=yyyy-MM&by=…) ----

/** A share with its parts, so every percentage can be traced: numerator ÷ denominator (value null when nothing to divide). */
export interface RatioDto {
  numerator: number;
  denominator: number;
  value: number | null;
}

/** Median and 90th percentile (nearest rank) of a duration in hours, over `count` claims or tasks. */
export interface DurationDto {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
  meanHours: number | null;
}

/** `recognition`, `approval`, `finance` or `payment`. */
export interface StageDto {
  key: string;
  nameEn: string;
  nameZh: string;
  duration: DurationDto;
}

/** Minutes of work per claim for a role; `measured` from event times or `estimated` from the baseline's assumption. */
export interface ActiveMinutesDto {
  role: string;
  minutes: number | null;
  kind: MinutesKind;
  samples: number;
  basisEn: string;
  basisZh: string;
}

export interface KpiValuesDto {
  claimsSubmitted: number;
  claimsPaid: number;
  cycleTime: DurationDto;
  stages: StageDto[];
  firstPassYield: RatioDto;
  errorRate: RatioDto;
  fieldCorrectionRate: RatioDto;
  touchlessRate: RatioDto;
  slaBreaches: number;
  amountSubmitted: number;
}

/** A breakdown row: a month (`key` = yyyy-MM) or a department / category / legal entity. */
export interface KpiGroupDto {
  key: string;
  name: string;
  values: KpiValuesDto;
}

export interface KpiReportDto {
  from: string;
  to: string;
  by: KpiBreakdown;
  total: KpiValuesDto;
  activeMinutes: ActiveMinutesDto[];
  groups: KpiGroupDto[];
  lastEventAt: string | null;
  eventsProcessed: number;
}

export interface KpiQuery {
  from: string;
  to: string;
  by?: KpiBreakdown;
}

// ---- Breakpoints (GET /api/insights/breakpoints?from=&to=) ----

export interface NodeStatDto {
  flowName: string;
  stepKey: string;
  stepName: string;
  stepKind: string;
  tasks: number;
  approved: number;
  rejected: number;
  returned: number;
  other: number;
  wait: DurationDto;
  slaBreaches: number;
  reminded: number;
  rejectRate: RatioDto;
}

export interface ApproverStatDto {
  personId: string;
  name: string;
  tasks: number;
  wait: DurationDto;
  slaBreaches: number;
  rejectRate: RatioDto;
}

/** Who has tasks waiting right now. */
export interface QueueDto {
  personId: string;
  name: string;
  open: number;
  oldestWaitingHours: number;
  overdue: number;
}

/** A redundant-node candidate; the figures are the evidence. */
export interface SuggestionDto {
  flowName: string;
  stepKey: string;
  stepName: string;
  action: SuggestionAction;
  tasks: number;
  rejectRate: RatioDto;
  medianWaitHours: number | null;
  waitHoursPerMonth: number | null;
  reasonEn: string;
  reasonZh: string;
}

export interface BreakpointsDto {
  from: string;
  to: string;
  nodes: NodeStatDto[];
  approvers: ApproverStatDto[];
  queues: QueueDto[];
  suggestions: SuggestionDto[];
  asOf: string;
}

// ---- Baselines (GET/POST /api/insights/baselines, POST /api/insights/baselines/import-history) ----

/** `default`: a published figure (`source` cites it); `assumption`: no published figure, replace it; `entered`; `measured`. */
export interface BaselineFigureDto {
  key: string;
  value: number;
  unit: string;
  kind: BaselineFigureKind;
  source: string | null;
}

export interface HistorySummaryDto {
  fileName: string;
  sha256: string;
  rows: number;
  skipped: number;
  from: string;
  to: string;
  warnings: string[];
}

export interface BaselineDto {
  id: string;
  version: number;
  name: string;
  currency: string;
  method: BaselineMethod;
  figures: BaselineFigureDto[];
  history: HistorySummaryDto | null;
  note: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
}

export interface BaselineFigureInput {
  key: string;
  value: number;
  kind?: BaselineFigureKind | null;
  source?: string | null;
}

export interface SaveBaselineRequest {
  name: string;
  currency?: string | null;
  figures: BaselineFigureInput[];
  note?: string | null;
}

// ---- Soft metrics (GET/PUT /api/insights/survey) ----

export interface SurveyScoreDto {
  key: string;
  nameEn: string;
  nameZh: string;
  before: number | null;
  after: number | null;
  scale: string;
  enteredBy: string | null;
  enteredByName: string | null;
  enteredAt: string | null;
}

export interface SurveyScoreInput {
  key: string;
  before: number | null;
  after: number | null;
}

// ---- ROI (GET /api/insights/roi?from=&to=&baselineVersion=; GET /api/insights/roi/export?format=xlsx|pdf&…) ----

/** An input of a formula and where it comes from. */
export interface RoiInputDto {
  key: string;
  nameEn: string;
  nameZh: string;
  value: number | null;
  unit: string;
  origin: RoiOrigin;
  source: string | null;
}

/** A figure of the report with its formula and the inputs it was computed from. */
export interface RoiFigureDto {
  key: string;
  nameEn: string;
  nameZh: string;
  before: number | null;
  after: number | null;
  value: number | null;
  unit: string;
  formulaEn: string;
  formulaZh: string;
  inputs: RoiInputDto[];
}

export interface RoiMonthDto {
  month: string;
  claims: number;
  medianCycleHours: number | null;
  errorRate: number | null;
  touchlessRate: number | null;
}

export interface RoiReportDto {
  from: string;
  to: string;
  months: number;
  currency: string;
  baselineVersion: number;
  baselineId: string;
  baselineName: string;
  comparison: RoiFigureDto[];
  hard: RoiFigureDto[];
  soft: SurveyScoreDto[];
  trend: RoiMonthDto[];
  generatedAt: string;
  warnings: string[];
}

export interface RoiQuery {
  from: string;
  to: string;
  /** Omitted: the latest baseline version. */
  baselineVersion?: number | null;
}

// ---- Rebuild (POST /api/insights/rebuild, Admin) ----

export interface RebuildResultDto {
  events: number;
  claims: number;
  elapsedMs: number;
}

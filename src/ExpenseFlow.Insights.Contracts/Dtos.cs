using ExpenseFlow.BuildingBlocks.Input;
using System.ComponentModel.DataAnnotations;
namespace ExpenseFlow.Insights.Contracts;

// ---- KPIs (GET /api/insights/kpis?from=yyyy-MM&to=yyyy-MM&by=month|department|category|legalEntity) ----

/// <summary>A share with its parts, so every percentage can be traced: numerator ÷ denominator.</summary>
public sealed record RatioDto(long Numerator, long Denominator, double? Value);

/// <summary>Median and 90th percentile (nearest rank) of a duration in hours, over <c>Count</c> claims or tasks.</summary>
public sealed record DurationDto(long Count, double? MedianHours, double? P90Hours, double? MeanHours);

/// <summary>Stages: <c>recognition</c> (first upload → submit), <c>approval</c> (submit → approved, finance review excluded),
/// <c>finance</c> (finance review tasks), <c>payment</c> (approved → paid).</summary>
public sealed record StageDto(string Key, string NameEn, string NameZh, DurationDto Duration);

/// <summary>Minutes of work per claim; <c>Kind</c> is <c>measured</c> (from event times) or <c>estimated</c> (from the baseline's assumption).</summary>
public sealed record ActiveMinutesDto(string Role, double? Minutes, string Kind, long Samples, string BasisEn, string BasisZh);

public sealed record KpiValuesDto(
    long ClaimsSubmitted, long ClaimsPaid, DurationDto CycleTime, IReadOnlyList<StageDto> Stages, RatioDto FirstPassYield, RatioDto ErrorRate,
    RatioDto FieldCorrectionRate, RatioDto TouchlessRate, long SlaBreaches, decimal AmountSubmitted);

/// <summary>One row of a breakdown: a month (<c>Key</c> = yyyy-MM) or a department / category / legal entity.</summary>
public sealed record KpiGroupDto(string Key, string Name, KpiValuesDto Values);

public sealed record KpiReportDto(
    string From, string To, string By, KpiValuesDto Total, IReadOnlyList<ActiveMinutesDto> ActiveMinutes, IReadOnlyList<KpiGroupDto> Groups,
    DateTimeOffset? LastEventAt, long EventsProcessed);

// ---- Breakpoints (GET /api/insights/breakpoints?from=&to=) ----

/// <summary>An approval node: a step of a flow (flow name + step key), over its tasks in the period.</summary>
public sealed record NodeStatDto(
    string FlowName, string StepKey, string StepName, string StepKind, long Tasks, long Approved, long Rejected, long Returned, long Other,
    DurationDto Wait, long SlaBreaches, long Reminded, RatioDto RejectRate);

public sealed record ApproverStatDto(Guid PersonId, string Name, long Tasks, DurationDto Wait, long SlaBreaches, RatioDto RejectRate);

/// <summary>Who has tasks waiting right now.</summary>
public sealed record QueueDto(Guid PersonId, string Name, long Open, double OldestWaitingHours, long Overdue);

/// <summary>A redundant-node candidate: <c>Action</c> is <c>remove</c> or <c>notify-only</c>; the figures are the evidence.</summary>
public sealed record SuggestionDto(
    string FlowName, string StepKey, string StepName, string Action, long Tasks, RatioDto RejectRate, double? MedianWaitHours, double? WaitHoursPerMonth,
    string ReasonEn, string ReasonZh);

public sealed record BreakpointsDto(
    string From, string To, IReadOnlyList<NodeStatDto> Nodes, IReadOnlyList<ApproverStatDto> Approvers, IReadOnlyList<QueueDto> Queues,
    IReadOnlyList<SuggestionDto> Suggestions, DateTimeOffset AsOf);

// ---- Baselines (GET/POST /api/insights/baselines, POST /api/insights/baselines/import-history) ----

/// <summary>
/// One figure of a baseline. <c>Kind</c>: <c>default</c> (published figure, <c>Source</c> cites it), <c>assumption</c>
/// (no published figure: replace it), <c>entered</c> (the company's own), <c>measured</c> (from imported history).
/// </summary>
public sealed record BaselineFigureDto(string Key, decimal Value, string Unit, string Kind, string? Source);

public sealed record HistorySummaryDto(string FileName, string Sha256, int Rows, int Skipped, string From, string To, IReadOnlyList<string> Warnings);

public sealed record BaselineDto(
    Guid Id, int Version, string Name, string Currency, string Method, IReadOnlyList<BaselineFigureDto> Figures, HistorySummaryDto? History,
    string? Note, Guid CreatedBy, string? CreatedByName, DateTimeOffset CreatedAt);

public sealed record BaselineFigureInput([MaxLength(100)] string Key, decimal Value, [MaxLength(40)] string? Kind, [MaxLength(300)] string? Source);

public sealed record SaveBaselineRequest([MaxLength(InsightsLimits.BaselineName)] string Name, [Currency] string? Currency, [MaxItems(200)] IReadOnlyList<BaselineFigureInput> Figures, [MaxLength(2000)] string? Note);

// ---- Soft metrics (GET/PUT /api/insights/survey) ----

public sealed record SurveyScoreDto(string Key, string NameEn, string NameZh, decimal? Before, decimal? After, string Scale, Guid? EnteredBy, string? EnteredByName, DateTimeOffset? EnteredAt);

public sealed record SurveyScoreInput(string Key, decimal? Before, decimal? After);

// ---- ROI (GET /api/insights/roi?from=&to=&baselineVersion=; /roi.xlsx, /roi.pdf) ----

/// <summary>An input of a formula: where it comes from (<c>measured</c> | <c>estimated</c> | <c>baseline</c> | <c>entered</c>).</summary>
public sealed record RoiInputDto(string Key, string NameEn, string NameZh, decimal? Value, string Unit, string Origin, string? Source);

/// <summary>A figure of the report with its formula and the inputs it was computed from.</summary>
public sealed record RoiFigureDto(
    string Key, string NameEn, string NameZh, decimal? Before, decimal? After, decimal? Value, string Unit, string FormulaEn, string FormulaZh,
    IReadOnlyList<RoiInputDto> Inputs);

public sealed record RoiMonthDto(string Month, long Claims, double? MedianCycleHours, double? ErrorRate, double? TouchlessRate);

public sealed record RoiReportDto(
    string From, string To, int Months, string Currency, int BaselineVersion, Guid BaselineId, string BaselineName,
    IReadOnlyList<RoiFigureDto> Comparison, IReadOnlyList<RoiFigureDto> Hard, IReadOnlyList<SurveyScoreDto> Soft, IReadOnlyList<RoiMonthDto> Trend,
    DateTimeOffset GeneratedAt, IReadOnlyList<string> Warnings);

using ExpenseFlow.BuildingBlocks.Events;

namespace ExpenseFlow.Expenses.Contracts;

/// <summary>
/// A claim was submitted (or resubmitted after a return) and waits for approval. For KPIs it also says how the claim
/// was prepared: the main category (largest amount), when its first receipt was uploaded, how many recognised fields
/// were proposed and how many of them the employee changed, and how many lines had no recognised receipt.
/// </summary>
public sealed record ClaimSubmitted(
    Guid ClaimId, string Number, Guid EmployeeId, Guid LegalEntityId, decimal TotalAmount, string Currency,
    IReadOnlyList<string> Categories, IReadOnlyList<string> CostCentres, bool IsResubmission, DateTimeOffset SubmittedAt, string Title = "",
    string? MainCategory = null, DateTimeOffset? FirstUploadAt = null, int RecognisedFieldsProposed = 0, int RecognisedFieldsCorrected = 0, int ManualLines = 0) : IntegrationEvent;

/// <summary>The employee withdrew a claim before any decision.</summary>
public sealed record ClaimCancelled(Guid ClaimId, Guid EmployeeId, string? Reason, DateTimeOffset CancelledAt) : IntegrationEvent;

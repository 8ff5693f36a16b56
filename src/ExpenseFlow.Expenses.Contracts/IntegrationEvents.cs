using ExpenseFlow.BuildingBlocks.Events;

namespace ExpenseFlow.Expenses.Contracts;

/// <summary>A claim was submitted (or resubmitted after a return) and waits for approval.</summary>
public sealed record ClaimSubmitted(
    Guid ClaimId, string Number, Guid EmployeeId, Guid LegalEntityId, decimal TotalAmount, string Currency,
    IReadOnlyList<string> Categories, IReadOnlyList<string> CostCentres, bool IsResubmission, DateTimeOffset SubmittedAt, string Title = "") : IntegrationEvent;

/// <summary>The employee withdrew a claim before any decision.</summary>
public sealed record ClaimCancelled(Guid ClaimId, Guid EmployeeId, string? Reason, DateTimeOffset CancelledAt) : IntegrationEvent;

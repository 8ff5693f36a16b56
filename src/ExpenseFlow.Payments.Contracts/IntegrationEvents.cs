using ExpenseFlow.BuildingBlocks.Events;

namespace ExpenseFlow.Payments.Contracts;

/// <summary>A released batch will pay the claim: the bank file can be generated and uploaded.</summary>
public sealed record ClaimPaymentScheduled(Guid ClaimId, Guid BatchId, string BatchNumber, string EndToEndId, Guid ReleasedBy, DateTimeOffset ScheduledAt) : IntegrationEvent;

/// <summary>The bank statement shows the payment went out.</summary>
public sealed record ClaimPaid(Guid ClaimId, Guid BatchId, string EndToEndId, decimal Amount, string Currency, DateOnly BookingDate, DateTimeOffset RecordedAt, Guid? ResolvedBy) : IntegrationEvent;

/// <summary>The payment came back (credited back by the bank) or its batch was withdrawn: the claim is payable again.</summary>
public sealed record ClaimPaymentReopened(Guid ClaimId, Guid BatchId, string Reason, DateTimeOffset ReopenedAt) : IntegrationEvent;

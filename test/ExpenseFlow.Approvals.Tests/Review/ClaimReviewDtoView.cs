using ExpenseFlow.Approvals.Contracts;
using ExpenseFlow.Expenses.Contracts;

namespace ExpenseFlow.Approvals.Tests.Review;

/// <summary>The review answer as a client reads it.</summary>
public sealed record ClaimReviewDtoView(ClaimDto Claim, IReadOnlyList<ReceiptDto> Receipts, ApprovalDto Approval, Guid? MyTaskId, bool CanDecide);

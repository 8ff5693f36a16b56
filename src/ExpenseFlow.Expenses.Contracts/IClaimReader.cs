namespace ExpenseFlow.Expenses.Contracts;

/// <summary>
/// Read-only access to claims for modules that review them (approvals, payments). The caller decides who may see
/// a claim; this interface does not check the current user.
/// </summary>
public interface IClaimReader
{
    Task<ClaimDto?> GetClaimAsync(Guid claimId, CancellationToken cancellationToken);

    /// <summary>The receipts attached to the claim's lines, with their recognition results.</summary>
    Task<IReadOnlyList<ReceiptDto>> GetReceiptsAsync(Guid claimId, CancellationToken cancellationToken);

    /// <summary>A receipt's file, when it belongs to the claim.</summary>
    Task<ReceiptFile?> OpenReceiptAsync(Guid claimId, Guid receiptId, CancellationToken cancellationToken);

    /// <summary>
    /// The claims' states as committed (<see cref="ClaimStates"/>); unknown ids are left out. Modules that move money or
    /// decide re-check this at the moment they act, instead of trusting the events they heard.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> GetStatesAsync(IReadOnlyCollection<Guid> claimIds, CancellationToken cancellationToken);
}

/// <summary>A receipt's bytes with the type detected from them (never the uploader's claim); images may be shown inline.</summary>
public sealed record ReceiptFile(Stream Content, string ContentType, string FileName, bool Inline);

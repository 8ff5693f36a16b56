using System.Text.Json;
using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Expenses.Domain.Policies;

namespace ExpenseFlow.Expenses.Domain.Claims;

/// <summary>报销单: an employee's request to be reimbursed, for one legal entity, made of lines with receipts.</summary>
public sealed class Claim : AggregateRoot<Guid>
{
    private readonly List<ClaimLine> _lines = [];
    private readonly List<ClaimEvent> _events = [];

    private Claim()
    {
    }

    public string Number { get; private set; } = string.Empty;

    public Guid EmployeeId { get; private set; }

    public Guid LegalEntityId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string BaseCurrency { get; private set; } = "CNY";

    public ClaimStatus Status { get; private set; }

    public decimal TotalInBase { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The policy findings accepted at the last submit, with the employee's justifications.</summary>
    public List<PolicyFinding> Findings { get; private set; } = [];

    /// <summary>The trip the claim is for, when it is one: tickets dated outside it are a travel-policy finding.</summary>
    public DateOnly? TripStart { get; private set; }

    public DateOnly? TripEnd { get; private set; }

    /// <summary>Colleagues whose tickets this claim may carry (a team trip paid by one), besides the claimant.</summary>
    public List<string> Travellers { get; private set; } = [];

    public IReadOnlyList<ClaimLine> Lines => _lines;

    /// <summary>Events appended by this unit of work; the stored log is read separately.</summary>
    public IReadOnlyList<ClaimEvent> Events => _events;

    public static Claim Create(Guid id, string number, Guid employeeId, Guid legalEntityId, string title, string baseCurrency, DateTimeOffset at)
    {
        var claim = new Claim
        {
            Id = id, Number = number, EmployeeId = employeeId, LegalEntityId = legalEntityId, BaseCurrency = baseCurrency,
            Status = ClaimStatus.Draft, CreatedAt = at, UpdatedAt = at,
        };
        claim.Rename(title, legalEntityId);
        claim._events.Add(ClaimEvent.Create(id, "Created", null, ClaimStatus.Draft, employeeId, at, null, null));
        return claim;
    }

    public void Rename(string title, Guid legalEntityId)
    {
        EnsureEditable();
        var t = (title ?? string.Empty).Trim();
        Title = t.Length == 0 ? throw new DomainException(ExpensesErrors.Required("Title", "事由")) : t[..Math.Min(200, t.Length)];
        LegalEntityId = legalEntityId;
    }

    /// <summary>The trip's first and last day (both or neither) and the colleagues travelling with the claimant.</summary>
    public void SetTrip(DateOnly? start, DateOnly? end, IReadOnlyList<string>? travellers)
    {
        EnsureEditable();
        if (start.HasValue != end.HasValue || start > end || (start is { } s && end is { } e && e.DayNumber - s.DayNumber > MaxTripDays))
        {
            throw new DomainException(ExpensesErrors.TripDatesInvalid);
        }

        var names = (travellers ?? []).Select(t => (t ?? string.Empty).Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > MaxTravellers || names.Any(n => n.Length > ExpensesLimits.PersonName))
        {
            throw new DomainException(ExpensesErrors.TravellersInvalid);
        }

        (TripStart, TripEnd, Travellers) = (start, end, names);
    }

    public const int MaxTravellers = 20;

    public const int MaxTripDays = 366;

    /// <summary>Replaces the lines with what the employee entered; <paramref name="rateOf"/> converts into the base currency.</summary>
    public void SetLines(IReadOnlyList<LineDraft> drafts, Func<string, decimal> rateOf, Guid actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(rateOf);
        EnsureEditable();
        var keys = drafts.Select(d => d.Invoice?.InvoiceKey).Where(k => k is not null).GroupBy(k => k).FirstOrDefault(g => g.Count() > 1);
        if (keys is not null)
        {
            throw new DomainException(ExpensesErrors.DuplicateInvoiceInClaim(keys.Key!));
        }

        // One document of a sheet is one expense: two lines naming the same document of the same file would claim it twice.
        var twice = drafts.Where(d => d.DocumentIndex is not null && d.ReceiptIds is { Count: > 0 })
            .SelectMany(d => d.ReceiptIds!.Distinct().Select(r => (Receipt: r, Index: d.DocumentIndex!.Value)))
            .GroupBy(k => k).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new DomainException(ExpensesErrors.DocumentTwiceInClaim(twice.Key.Index));
        }

        for (var i = 0; i < drafts.Count; i++)
        {
            var line = i < _lines.Count ? _lines[i] : AddLine(i);
            line.Update(drafts[i], rateOf(drafts[i].Currency?.Trim().ToUpperInvariant() ?? string.Empty));
        }

        _lines.RemoveRange(drafts.Count, _lines.Count - drafts.Count);
        TotalInBase = _lines.Sum(l => l.AmountInBase);
        UpdatedAt = at;
        _events.Add(ClaimEvent.Create(Id, "Edited", Status, Status, actor, at, null, JsonSerializer.Serialize(new { lines = _lines.Count, total = TotalInBase })));
    }

    /// <summary>
    /// Submits (or resubmits after a return). Blocking findings refuse; warnings need a justification each.
    /// <paramref name="data"/> records facts of the submit for the log (corrections of recognised fields, findings);
    /// <paramref name="identities"/> (line id → code and number) are the identities read from the lines' own documents.
    /// </summary>
    public void Submit(IReadOnlyList<PolicyFinding> findings, Guid actor, DateTimeOffset at, object? data,
        IReadOnlyDictionary<Guid, (string? Code, string? Number)>? identities = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (_lines.Count == 0)
        {
            throw new DomainException(ExpensesErrors.NoLines);
        }

        if (findings.Any(f => f.Severity == PolicySeverity.Block))
        {
            throw new DomainException(ExpensesErrors.PolicyBlocked);
        }

        if (findings.Any(f => f.Severity == PolicySeverity.Warn && string.IsNullOrWhiteSpace(f.Justification)))
        {
            throw new DomainException(ExpensesErrors.JustificationRequired);
        }

        var type = Status == ClaimStatus.Returned ? "Resubmitted" : "Submitted";
        Move(ClaimStatus.Submitted, type, actor, at, null, data);
        foreach (var line in _lines)
        {
            if (identities is not null && identities.TryGetValue(line.Id, out var identity))
            {
                line.AdoptIdentity(identity.Code, identity.Number);
            }
        }

        Findings = findings.ToList();
        SubmittedAt = at;
    }

    public void Cancel(Guid actor, DateTimeOffset at, string? reason) => Move(ClaimStatus.Cancelled, "Cancelled", actor, at, reason, null);

    /// <summary>Transitions driven by other modules (approvals, payments) through integration events.</summary>
    public void Record(ClaimStatus to, string type, Guid actor, DateTimeOffset at, string? reason, Guid? onBehalfOf = null, object? data = null)
    {
        var from = Status;
        if (!ClaimTransitions.CanMove(from, to))
        {
            throw new DomainException(ExpensesErrors.InvalidTransition(from.ToString(), to.ToString()));
        }

        Status = to;
        UpdatedAt = at;
        _events.Add(ClaimEvent.Create(Id, type, from, to, actor, at, reason, data is null ? null : JsonSerializer.Serialize(data), onBehalfOf));
    }

    private void Move(ClaimStatus to, string type, Guid actor, DateTimeOffset at, string? reason, object? data) =>
        Record(to, type, actor, at, reason, null, data);

    private ClaimLine AddLine(int position)
    {
        var line = ClaimLine.Create(Guid.CreateVersion7(), Id, position);
        _lines.Add(line);
        return line;
    }

    private void EnsureEditable()
    {
        if (!ClaimTransitions.IsEditable(Status))
        {
            throw new DomainException(ExpensesErrors.NotEditable);
        }
    }
}

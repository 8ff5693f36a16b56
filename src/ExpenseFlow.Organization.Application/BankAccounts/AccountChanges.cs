using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Organization.Domain;
using ExpenseFlow.Organization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExpenseFlow.Organization.Application.BankAccounts;

public sealed record AccountFields(string AccountName, string BankName, string? CnapsCode, string AccountNumber);

/// <summary>
/// Every change to where a person is paid goes through here (the API and the CSV import): someone else's change, or the
/// owner's second change within the waiting period, waits for Finance (<see cref="PayoutRules"/>); each change is written to
/// the audit log and announced with <see cref="PayeeAccountChanged"/>. All of a person's account changes and decisions
/// take the person's row lock first, so they happen one after another.
/// </summary>
internal sealed class AccountChanges(OrganizationDbContext db, BankAccountSettings settings, TimeProvider clock)
{
    public async Task<BankAccount> AddAsync(Guid personId, Guid actor, AccountFields fields, bool isDefault, CancellationToken ct) =>
        (await InLockAsync(personId, async now =>
        {
            var accounts = await db.BankAccounts.Where(a => a.PersonId == personId).ToListAsync(ct);
            var account = BankAccount.Create(Guid.CreateVersion7(), personId, fields.AccountName, fields.BankName, fields.CnapsCode, fields.AccountNumber, false);
            if (accounts.Any(a => a.AccountNumber == account.AccountNumber))
            {
                throw new DomainException(OrganizationErrors.DuplicateBankAccount(account.AccountNumber));
            }

            await EnsureNonePendingAsync(personId, ct);
            var pending = await NeedsConfirmationAsync(personId, actor, now, ct);
            var makeDefault = isDefault || !accounts.Any(a => a.IsDefault);
            var change = BankAccountChange.Create(personId, account.Id, BankAccountChangeKind.Added, makeDefault, pending, actor, now);
            db.BankAccounts.Add(account);
            if (pending)
            {
                account.MarkPending();
            }
            else
            {
                await ApplyAsync(change, account, accounts, null, now, ct);
            }

            db.BankAccountChanges.Add(change);
            Log(BankAccountLogType.Added, account, change, actor, now);
            return account;
        }, ct))!;

    /// <summary>New bank, name or CNAPS code for an account (the CSV import). The maker of a pending change may amend it.</summary>
    public async Task UpdateDetailsAsync(Guid personId, Guid accountId, Guid actor, AccountFields fields, CancellationToken ct) =>
        await InLockAsync(personId, async now =>
        {
            var account = await FindAsync(personId, accountId, ct);
            var cnaps = string.IsNullOrWhiteSpace(fields.CnapsCode) ? null : fields.CnapsCode.Trim();
            if (account.AccountName == fields.AccountName.Trim() && account.BankName == fields.BankName.Trim() && account.CnapsCode == cnaps)
            {
                return null;
            }

            var open = await db.BankAccountChanges.FirstOrDefaultAsync(c => c.PersonId == personId && c.Status == BankAccountChangeStatus.Pending, ct);
            if (open is not null && open.AccountId == account.Id && open.Kind == BankAccountChangeKind.Added && open.MadeBy == actor)
            {
                account.Update(fields.AccountName, fields.BankName, fields.CnapsCode, account.AccountNumber);
                Log(BankAccountLogType.Updated, account, open, actor, now);
                return account;
            }

            await EnsureNonePendingAsync(personId, ct);
            var probe = BankAccount.Create(Guid.Empty, personId, fields.AccountName, fields.BankName, fields.CnapsCode, account.AccountNumber, false);
            var pending = await NeedsConfirmationAsync(personId, actor, now, ct);
            var change = BankAccountChange.Create(personId, account.Id, BankAccountChangeKind.Updated, false, pending, actor, now,
                (probe.AccountName, probe.BankName, probe.CnapsCode));
            if (!pending)
            {
                await ApplyAsync(change, account, [], null, now, ct);
            }

            db.BankAccountChanges.Add(change);
            Log(BankAccountLogType.Updated, account, change, actor, now);
            return account;
        }, ct);

    public async Task MakeDefaultAsync(Guid personId, Guid accountId, Guid actor, CancellationToken ct) =>
        await InLockAsync(personId, async now =>
        {
            var account = await FindAsync(personId, accountId, ct);
            await EnsureNonePendingAsync(personId, ct);
            if (account.IsDefault)
            {
                return null;
            }

            var pending = await NeedsConfirmationAsync(personId, actor, now, ct);
            var change = BankAccountChange.Create(personId, account.Id, BankAccountChangeKind.MadeDefault, true, pending, actor, now);
            if (!pending)
            {
                await ApplyAsync(change, account, await OthersAsync(account, ct), null, now, ct);
            }

            db.BankAccountChanges.Add(change);
            Log(BankAccountLogType.MadeDefault, account, change, actor, now);
            return account;
        }, ct);

    /// <summary>Removing never redirects money, so it takes effect at once; it withdraws a change still open on the account.</summary>
    public async Task RemoveAsync(Guid personId, Guid accountId, Guid actor, CancellationToken ct) =>
        await InLockAsync(personId, async now =>
        {
            var account = await FindAsync(personId, accountId, ct);
            foreach (var open in await db.BankAccountChanges.Where(c => c.AccountId == accountId && c.Status == BankAccountChangeStatus.Pending).ToListAsync(ct))
            {
                open.Withdraw(actor, now);
                Log(BankAccountLogType.Withdrawn, account, open, actor, now);
            }

            Log(BankAccountLogType.Removed, account, null, actor, now);
            db.BankAccounts.Remove(account);
            return account;
        }, ct);

    /// <summary>A Finance user other than the changer and the owner confirms: a pending change takes effect now.</summary>
    public async Task<BankAccountChange> ConfirmAsync(Guid changeId, Guid decider, CancellationToken ct) =>
        await DecideAsync(changeId, decider, async (change, account, now) =>
        {
            var wasPending = change.Status == BankAccountChangeStatus.Pending;
            change.Confirm(decider, now);
            if (wasPending)
            {
                await ApplyAsync(change, account, await OthersAsync(account, ct), decider, now, ct);
            }
            else if (account.ChangedAt == change.MadeAt)
            {
                account.Confirm(decider, now);
            }

            Log(BankAccountLogType.Confirmed, account, change, decider, now);
        }, ct);

    public async Task<BankAccountChange> RejectAsync(Guid changeId, Guid decider, string? note, CancellationToken ct) =>
        await DecideAsync(changeId, decider, (change, account, now) =>
        {
            change.Reject(decider, now, note);
            Log(BankAccountLogType.Rejected, account, change, decider, now, change.Note);
            if (change.Kind == BankAccountChangeKind.Added)
            {
                db.BankAccounts.Remove(account);
            }

            return Task.CompletedTask;
        }, ct);

    private async Task<BankAccountChange> DecideAsync(Guid changeId, Guid decider, Func<BankAccountChange, BankAccount, DateTimeOffset, Task> decide, CancellationToken ct)
    {
        var personId = await db.BankAccountChanges.AsNoTracking().Where(c => c.Id == changeId).Select(c => (Guid?)c.PersonId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException(OrganizationErrors.AccountChangeNotFound);
        BankAccountChange? decided = null;
        await InLockAsync(personId, async now =>
        {
            // Read after the lock: a decision taken meanwhile by someone else is seen, and this one is then refused.
            decided = await db.BankAccountChanges.SingleAsync(c => c.Id == changeId, ct);
            var account = await db.BankAccounts.FirstOrDefaultAsync(a => a.Id == decided.AccountId, ct)
                ?? throw new DomainException(OrganizationErrors.AccountChangeDecided);
            await decide(decided, account, now);
            return (BankAccount?)account;
        }, ct);
        return decided!;
    }

    /// <summary>Puts a change into effect: the proposed details, the default, and who changed (and confirmed) it when.</summary>
    private async Task ApplyAsync(BankAccountChange change, BankAccount account, IReadOnlyList<BankAccount> others, Guid? confirmedBy, DateTimeOffset now, CancellationToken ct)
    {
        if (change.Kind == BankAccountChangeKind.Updated)
        {
            account.Update(change.ProposedAccountName!, change.ProposedBankName!, change.ProposedCnapsCode, account.AccountNumber);
        }

        if (change.MakesDefault && !account.IsDefault)
        {
            foreach (var other in others.Where(o => o.IsDefault))
            {
                other.SetDefault(false);
            }

            // The one-default index is checked per statement: the old default must be cleared before the new one is set.
            await db.SaveChangesAsync(ct);
            account.SetDefault(true);
        }

        account.RecordChange(change.MadeBy, change.MadeAt, confirmedBy, now);
    }

    /// <summary>Runs <paramref name="work"/> under the person's row lock; it returns the account it changed, or null when nothing changed.</summary>
    private async Task<BankAccount?> InLockAsync(Guid personId, Func<DateTimeOffset, Task<BankAccount?>> work, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        var locked = await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM organization.people WHERE id = {personId} FOR UPDATE").ToListAsync(ct);
        if (locked.Count == 0)
        {
            throw new DomainException(OrganizationErrors.PersonNotFound);
        }

        var now = clock.GetUtcNow();
        var account = await work(now);
        if (account is not null)
        {
            db.Publish(new PayeeAccountChanged(personId, account.Id, "BankAccount", now));
        }

        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return account;
    }

    private async Task<BankAccount> FindAsync(Guid personId, Guid accountId, CancellationToken ct) =>
        await db.BankAccounts.FirstOrDefaultAsync(a => a.Id == accountId && a.PersonId == personId, ct)
        ?? throw new DomainException(OrganizationErrors.BankAccountNotFound);

    private async Task<List<BankAccount>> OthersAsync(BankAccount account, CancellationToken ct) =>
        await db.BankAccounts.Where(a => a.PersonId == account.PersonId && a.Id != account.Id).ToListAsync(ct);

    private async Task EnsureNonePendingAsync(Guid personId, CancellationToken ct)
    {
        if (await db.BankAccountChanges.AnyAsync(c => c.PersonId == personId && c.Status == BankAccountChangeStatus.Pending, ct))
        {
            throw new DomainException(OrganizationErrors.BankAccountChangePending);
        }
    }

    private async Task<bool> NeedsConfirmationAsync(Guid personId, Guid actor, DateTimeOffset now, CancellationToken ct)
    {
        var types = BankAccountLogEntry.ChangeTypes.ToList();
        var last = await db.BankAccountLog.Where(l => l.PersonId == personId && types.Contains(l.Type)).MaxAsync(l => (DateTimeOffset?)l.At, ct);
        // A password an administrator set lets them sign in as the owner: within the period, the "owner's" change is
        // treated like a change by someone else's hand and waits for Finance.
        var passwordSetByOther = await db.AccessEvents.Where(e => e.PersonId == personId && e.Kind == "PasswordSet" && e.ActorId != personId)
            .MaxAsync(e => (DateTimeOffset?)e.At, ct);
        var latest = passwordSetByOther > last || last is null ? passwordSetByOther : last;
        return PayoutRules.NeedsConfirmation(actor, personId, latest, now, settings.Period);
    }

    private void Log(BankAccountLogType type, BankAccount account, BankAccountChange? change, Guid actor, DateTimeOffset now, string? note = null) =>
        db.BankAccountLog.Add(BankAccountLogEntry.Of(type, account, change, actor, now, note));
}

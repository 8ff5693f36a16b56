using ExpenseFlow.BuildingBlocks.Errors;
using ExpenseFlow.Organization.Contracts;
using ExpenseFlow.Payments.Domain;
using ExpenseFlow.Payments.Domain.BankFiles;
using ExpenseFlow.Payments.Domain.Statements;
using Microsoft.Extensions.Logging;

namespace ExpenseFlow.Payments.Application.Statements;

/// <summary>
/// A statement is evidence about our payments only when it is for one of the company's own accounts: the bank account
/// numbers of the legal entities that pay (the pain.001 debtor account). A file any of whose statements is for another
/// account, or for no account at all, is refused whole before anything is written, so a forged or mistaken file changes
/// nothing. Each statement may then settle only the batches of the legal entity whose account it is.
/// </summary>
internal static class StatementOwners
{
    /// <summary>For each statement, in order, the legal entities whose account it is (one, unless entities share an account).</summary>
    public static async Task<IReadOnlyList<Guid[]>> ResolveAsync(
        IReadOnlyList<BankStatement> statements, IOrganizationDirectory directory, ILogger logger, string fileName, CancellationToken ct)
    {
        if (statements.Count == 0)
        {
            return [];
        }

        var accounts = (await directory.GetLegalEntitiesAsync(ct)).Where(e => !string.IsNullOrWhiteSpace(e.BankAccountNumber))
            .Select(e => (e.Id, Number: e.BankAccountNumber!)).ToList();
        if (accounts.Count == 0)
        {
            throw new DomainException(PaymentsErrors.NoCompanyAccount);
        }

        var owners = new List<Guid[]>(statements.Count);
        foreach (var statement in statements)
        {
            if (string.IsNullOrWhiteSpace(statement.Account))
            {
                logger.LogWarning("Statement file {FileName} refused: a {Format} statement without an account", fileName, statement.Format);
                throw new DomainException(PaymentsErrors.StatementAccountMissing);
            }

            var entities = accounts.Where(a => StatementAccount.IsSame(statement.Account, a.Number)).Select(a => a.Id).ToArray();
            if (entities.Length == 0)
            {
                var masked = StatementAccount.Masked(statement.Account);
                logger.LogWarning("Statement file {FileName} refused: account {Account} is not an account of the company", fileName, masked);
                throw new DomainException(PaymentsErrors.ForeignStatementAccount(masked));
            }

            owners.Add(entities);
        }

        return owners;
    }
}

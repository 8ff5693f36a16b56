using Microsoft.Extensions.Configuration;

namespace ExpenseFlow.Organization.Infrastructure;

/// <summary>
/// The account-change waiting period, from configuration (<c>Organization:BankAccounts:ChangePeriodDays</c>, default 7).
/// Deliberately not an administrator's setting: the control guards payouts against the administrator, so shortening it
/// takes a change to the deployment's configuration, not a click.
/// </summary>
public sealed class BankAccountSettings
{
    public const int DefaultPeriodDays = 7;

    public BankAccountSettings(TimeSpan period)
    {
        if (period < TimeSpan.Zero || period > TimeSpan.FromDays(365))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The bank account change period must be between 0 and 365 days.");
        }

        Period = period;
    }

    /// <summary>
    /// An owner's change within this time of the previous change waits for Finance; an unconfirmed change is not paid to
    /// before this time has passed.
    /// </summary>
    public TimeSpan Period { get; }

    public static BankAccountSettings From(IConfiguration configuration)
    {
        var days = configuration.GetSection("Organization:BankAccounts")["ChangePeriodDays"];
        return new BankAccountSettings(TimeSpan.FromDays(string.IsNullOrWhiteSpace(days)
            ? DefaultPeriodDays
            : double.Parse(days, System.Globalization.CultureInfo.InvariantCulture)));
    }
}

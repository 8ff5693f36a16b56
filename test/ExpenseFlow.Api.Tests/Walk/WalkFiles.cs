using System.Globalization;
using System.Text;
using ExpenseFlow.TestBase;

namespace ExpenseFlow.Api.Tests.Walk;

/// <summary>
/// The small valid files an upload baseline tries, one after the other, until the operation accepts one: the walk does
/// not know which endpoint takes which kind (a new upload endpoint is tried with all of them). Every call makes fresh
/// bytes (a new statement id, a new employee number), so the host never answers "already imported" before parsing.
/// </summary>
public static class WalkFiles
{
    private static int _counter;

    public static IReadOnlyList<Func<WalkFile>> Samples { get; } =
    [
        // A receipt as the Expenses tests upload one (recognition does not run: the host has no job server here).
        () => new WalkFile("receipt.txt", "text/plain", Encoding.UTF8.GetBytes($"收据 walk {Next()}")),
        // A camt.053 of the demo company's account with one debit (the generator the Payments tests use).
        () => new WalkFile("statement.xml", "application/xml",
            DemoStatements.Camt053($"WALK-{Next()}", new DemoStatements.Entry(10m, false, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), null, "走查", "WALK"))),
        // The people import's header and one row (Organization tests, ImportPeopleTests).
        () => new WalkFile("people.csv", "text/csv", Encoding.UTF8.GetBytes(
            "employeeNo,displayName,email,phone,departmentCode,gradeCode,managerEmployeeNo,costCentreCode,roles,bankName,bankAccountNumber,bankAccountName,cnapsCode\n" +
            $"W{Next()},走查,walk{Next()}@walk.example.cn,,SALES-E,G1,E0007,,Employee,,,,\n")),
        // A claim history for the baseline (Insights tests).
        () => new WalkFile("history.csv", "text/csv", Encoding.UTF8.GetBytes(
            $"claimNumber,submittedAt,approvedAt,paidAt,returned\nW-{Next()},2025-01-05,2025-01-07,2025-01-10,false\n")),
    ];

    private static string Next() => Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
}

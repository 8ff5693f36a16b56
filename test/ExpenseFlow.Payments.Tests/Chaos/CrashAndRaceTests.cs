using ExpenseFlow.TestBase.Chaos;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ExpenseFlow.Payments.Tests.Chaos;

/// <summary>
/// The whole chain through a real host process that is killed (SIGKILL) and restarted at random moments while
/// double clicks, parallel approvals, cancels racing the final approval and duplicate statements are fired at it.
/// A small run for every CI build; the load project's 'chaos' verb runs the large one (README, "Security and money safety").
/// </summary>
public class CrashAndRaceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ChainUnderKillsAndRaces_KeepsEveryMoneyInvariant()
    {
        var report = await ChaosRun.ExecuteAsync(new ChaosOptions(Claims: 20, Kills: 2, TimeLimit: TimeSpan.FromMinutes(4), Workers: 4), output.WriteLine);
        output.WriteLine(report.ToString());

        report.Kills.ShouldBe(2);
        report.ClaimsSubmitted.ShouldBeGreaterThanOrEqualTo(12);
        report.ClaimStates.GetValueOrDefault("Paid").ShouldBeGreaterThan(0);
        report.Violations.ShouldBeEmpty();
    }
}

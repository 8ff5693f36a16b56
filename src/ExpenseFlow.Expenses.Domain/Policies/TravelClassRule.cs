using ExpenseFlow.BuildingBlocks.Domain;
using ExpenseFlow.BuildingBlocks.Errors;

namespace ExpenseFlow.Expenses.Domain.Policies;

/// <summary>
/// 差标 for tickets: the train seat classes (as tickets print them: 二等座, 一等座, 硬卧 …) and flight cabins (economy,
/// premium-economy, business, first) a grade may claim; the rule without a grade applies to everyone else.
/// </summary>
public sealed class TravelClassRule : Entity<Guid>
{
    private TravelClassRule()
    {
    }

    public string? GradeCode { get; private set; }

    public List<string> TrainClasses { get; private set; } = [];

    public List<string> AirCabins { get; private set; } = [];

    public static readonly IReadOnlyList<string> Cabins = ["economy", "premium-economy", "business", "first"];

    public static TravelClassRule Create(Guid id, string? gradeCode, IEnumerable<string> trainClasses, IEnumerable<string> airCabins)
    {
        var rule = new TravelClassRule { Id = id, GradeCode = string.IsNullOrWhiteSpace(gradeCode) ? null : gradeCode.Trim() };
        rule.Update(trainClasses, airCabins);
        return rule;
    }

    public void Update(IEnumerable<string> trainClasses, IEnumerable<string> airCabins)
    {
        var train = (trainClasses ?? []).Select(c => (c ?? string.Empty).Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var air = (airCabins ?? []).Select(c => (c ?? string.Empty).Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (train.Count > 20 || air.Count > 20 || train.Any(c => c.Length > ExpensesLimits.SeatClass || !c.All(ch => ch >= 0x3400 && ch < 0xA000))
            || air.Any(c => !Cabins.Contains(c)))
        {
            throw new DomainException(ExpensesErrors.TravelClassRuleInvalid);
        }

        (TrainClasses, AirCabins) = (train, air);
    }

    /// <summary>The cabin an itinerary's class letter or printed name stands for (IATA booking classes as carriers use them).</summary>
    public static string? CabinOf(string? printed)
    {
        var p = (printed ?? string.Empty).Trim().ToUpperInvariant();
        return p switch
        {
            "" => null,
            "头等舱" or "F" or "A" or "P" => "first",
            "公务舱" or "商务舱" or "C" or "J" or "D" or "I" or "Z" or "R" => "business",
            "超级经济舱" or "高端经济舱" or "W" or "E" => "premium-economy",
            "经济舱" => "economy",
            _ when p.Length == 1 && char.IsAsciiLetterUpper(p[0]) => "economy",
            _ => null,
        };
    }
}

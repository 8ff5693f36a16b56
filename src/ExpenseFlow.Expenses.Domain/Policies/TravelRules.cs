using ExpenseFlow.Expenses.Domain.Claims;

namespace ExpenseFlow.Expenses.Domain.Policies;

/// <summary>What recognition read from a line's ticket: its kind, the traveller, seat class or cabin, and the day of travel.</summary>
public sealed record TicketFacts(string Kind, string? PassengerName, string? SeatClass, DateOnly? TravelDate);

/// <summary>
/// 差标 over a ticket's fields: the seat class (train) or cabin (flight) allowed for the claimant's grade, the traveller is
/// the claimant or a colleague listed on the claim, the ticket's date within the claim's trip. A field recognition did
/// not read is not checked (nothing is assumed); the employee sees the finding inline and justifies or corrects it.
/// </summary>
public static class TravelRules
{
    public static void Check(Claim claim, TicketFacts ticket, PolicyContext context, Action<string, string, string> add)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(add);
        var rule = context.TravelClasses.FirstOrDefault(r => r.GradeCode is not null && r.GradeCode == context.EmployeeGrade)
            ?? context.TravelClasses.FirstOrDefault(r => r.GradeCode is null);
        if (rule is not null && ticket.SeatClass is { } seat)
        {
            if (ticket.Kind == "train-ticket" && rule.TrainClasses.Count > 0 && !rule.TrainClasses.Any(c => seat.Contains(c, StringComparison.Ordinal)))
            {
                add("TravelClass", $"the seat class {seat} is above what your grade may claim ({string.Join("/", rule.TrainClasses)}).",
                    $"席别{seat}超出您的职级标准（{string.Join("/", rule.TrainClasses)}）。");
            }
            else if (ticket.Kind == "air-itinerary" && rule.AirCabins.Count > 0 && TravelClassRule.CabinOf(seat) is { } cabin && !rule.AirCabins.Contains(cabin))
            {
                add("TravelClass", $"the {cabin} cabin ({seat}) is above what your grade may claim ({string.Join("/", rule.AirCabins)}).",
                    $"舱位{seat}（{CabinZh(cabin)}）超出您的职级标准（{string.Join("/", rule.AirCabins.Select(CabinZh))}）。");
            }
        }

        if (ticket.PassengerName is { Length: > 0 } passenger && context.EmployeeName is { Length: > 0 } me
            && !SameName(passenger, me) && !claim.Travellers.Any(t => SameName(t, passenger)))
        {
            add("TravellerNotClaimant", $"the ticket is in the name of {passenger}, who is neither you nor a colleague listed on the claim.",
                $"车票/机票乘客为{passenger}，既不是您本人，也不在本单所列同行人中。");
        }

        if (ticket.TravelDate is { } day && claim.TripStart is { } start && claim.TripEnd is { } end && (day < start || day > end))
        {
            add("TicketOutsideTrip", $"the ticket's date {day:yyyy-MM-dd} is outside the trip ({start:yyyy-MM-dd} – {end:yyyy-MM-dd}).",
                $"票据日期{day:yyyy-MM-dd}不在行程（{start:yyyy-MM-dd}至{end:yyyy-MM-dd}）之内。");
        }
    }

    private static string CabinZh(string cabin) => cabin switch
    {
        "first" => "头等舱",
        "business" => "公务舱",
        "premium-economy" => "超级经济舱",
        _ => "经济舱",
    };

    /// <summary>Names compare without spaces and case ("Zhang Wei" = "ZHANGWEI"; 张 伟 = 张伟).</summary>
    private static bool SameName(string a, string b) =>
        string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);

    private static string Fold(string value) =>
        new string(value.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '/' && c != '·').ToArray()).ToUpperInvariant();
}
